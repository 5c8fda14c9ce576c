package dev.governance.jdbc.gate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.approval.ApprovalStore;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.identity.IdentityResolver;
import dev.governance.jdbc.masking.Masker;
import dev.governance.jdbc.masking.MaskingPlanner;
import dev.governance.jdbc.policy.PolicyHolder;
import dev.governance.jdbc.sql.SqlAnalyzer;

import java.time.Duration;

/**
 * Everything heavy that connections with the same settings share: identity verification, SQL analysis and its
 * cache, the policy, primary-key metadata, the audit trail. Built once per distinct {@link Settings} (inline
 * token aside) by {@link GovernanceRegistry}.
 */
public final class Governance {
    private final Settings settings;
    private final SqlAnalyzer analyzer;
    private final PolicyHolder policies;
    private final MetadataCache metadata = new MetadataCache();
    private final StatementGate gate;
    private final Recorder recorder;
    private final Masker masker;
    private final MaskingPlanner planner = new MaskingPlanner();
    /** One resolver per identity configuration (inline tokens differ per workload); each caches its verifications. */
    private final Cache<Settings.IdentitySettings, IdentityResolver> resolvers = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    private final Approvals approvals;
    private final ApprovalFlow approvalFlow;

    Governance(Settings settings, SqlAnalyzer analyzer, PolicyHolder policies, Recorder recorder, Masker masker,
               ApprovalStore approvalStore) {
        this.approvals = new Approvals(approvalStore, recorder::approvalDecided);
        this.approvalFlow = new ApprovalFlow(approvals, settings.approval(), recorder, settings.audit().literals());
        this.settings = settings;
        this.masker = masker;
        this.recorder = recorder;
        this.analyzer = analyzer;
        this.policies = policies;
        this.gate = new StatementGate(analyzer, approvalFlow,
                new Admission.Parts(policies, planner, masker, recorder, metadata));
    }

    Settings settings() {
        return settings;
    }

    SqlAnalyzer analyzer() {
        return analyzer;
    }

    PolicyHolder policies() {
        return policies;
    }

    Recorder recorder() {
        return recorder;
    }

    MetadataCache metadata() {
        return metadata;
    }

    Masker masker() {
        return masker;
    }

    MaskingPlanner planner() {
        return planner;
    }

    /** The resolver for a connection's identity settings (built on first use, VG000 when they are invalid). */
    IdentityResolver identities(Settings.IdentitySettings identity) throws ConfigurationException {
        IdentityResolver resolver = resolvers.getIfPresent(identity);
        if (resolver == null) {
            resolver = IdentityResolver.create(identity);
            IdentityResolver raced = resolvers.asMap().putIfAbsent(identity, resolver);
            if (raced != null) {
                resolver = raced;
            }
        }
        return resolver;
    }

    /** Approval requests of this governance's store, for reviewing (shared by connections with equal settings). */
    Approvals approvals() {
        return approvals;
    }

    ApprovalFlow approvalFlow() {
        return approvalFlow;
    }

    StatementGate gate() {
        return gate;
    }
}
