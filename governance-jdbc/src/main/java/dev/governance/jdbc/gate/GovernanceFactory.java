package dev.governance.jdbc.gate;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.approval.ApprovalStore;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.config.Keys;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.masking.Masker;
import dev.governance.jdbc.policy.PolicyHolder;
import dev.governance.jdbc.sql.SqlAnalyzer;

/** Builds the shared machinery for one set of settings; every failure is a VG000 naming the key. */
final class GovernanceFactory {
    private GovernanceFactory() {
    }

    static Governance create(Settings settings) throws ConfigurationException {
        Recorder recorder;
        try {
            recorder = new Recorder(settings.audit());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid configuration " + Keys.AUDIT_SINKS + "="
                    + settings.audit().sinks() + ": " + e.getMessage(), e);
        }
        PolicyHolder policies = settings.policy() == null
                ? PolicyHolder.baseline()
                : PolicyHolder.open(settings.policy(), settings.policyReload());
        // Every policy in force, and every rejected new version, lands in the audit trail.
        policies.onLoaded(recorder::policyLoaded);
        policies.onReloadError(error -> recorder.policyRejected(policies.location(), error));
        ApprovalStore approvals;
        try {
            approvals = Approvals.openStore(settings.approval().store());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid configuration " + Keys.APPROVAL_STORE + "="
                    + settings.approval().store() + ": " + e.getMessage(), e);
        }
        return new Governance(settings, new SqlAnalyzer(), policies, recorder, Masker.forKeyFile(settings.maskingKeyFile()),
                approvals);
    }
}
