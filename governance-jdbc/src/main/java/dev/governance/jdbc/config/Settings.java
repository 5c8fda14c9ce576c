package dev.governance.jdbc.config;

import java.time.Duration;
import java.util.List;

/**
 * The whole governance configuration of one connection, merged from every source and validated.
 * Immutable; equal settings share one {@code Governance} (policy, caches, verifier, audit trail).
 */
public record Settings(
        String environment,
        String policy,
        boolean policyReload,
        IdentitySettings identity,
        AuditSettings audit,
        ApprovalSettings approval,
        String maskingKeyFile,
        boolean allowUnwrap,
        String delegateDriver) {

    public Settings {
        java.util.Objects.requireNonNull(environment, "environment");
        java.util.Objects.requireNonNull(identity, "identity");
        java.util.Objects.requireNonNull(audit, "audit");
        java.util.Objects.requireNonNull(approval, "approval");
    }

    /**
     * These settings without the inline token: what the shared machinery is keyed by, so connections that differ
     * only in their token share one policy, cache and trail.
     */
    public Settings withoutInlineToken() {
        if (identity.token() == null) {
            return this;
        }
        IdentitySettings i = identity;
        return new Settings(environment, policy, policyReload, new IdentitySettings(null, i.tokenFile(), i.jwks(),
                i.issuer(), i.audience(), i.algorithms(), i.clockSkew(), i.kindClaim(), i.groupsClaim(), i.defaultKind(),
                i.subject(), i.kind(), i.groups(), i.allowUnverified()), audit, approval, maskingKeyFile, allowUnwrap,
                delegateDriver);
    }

    /** The {@code governance.identity.*} part. */
    public record IdentitySettings(
            String token,
            String tokenFile,
            String jwks,
            String issuer,
            String audience,
            List<String> algorithms,
            Duration clockSkew,
            String kindClaim,
            String groupsClaim,
            String defaultKind,
            String subject,
            String kind,
            List<String> groups,
            boolean allowUnverified) {

        public IdentitySettings {
            algorithms = List.copyOf(algorithms);
            groups = List.copyOf(groups);
        }

        /**
         * Settings that verify tokens presented to a tool (a reviewer's {@code --as} token, a console sign-in) with
         * the default algorithms, skew and kind: {@code token} may be null when tokens come later.
         */
        public static IdentitySettings verifying(String token, String jwks, String issuer, String audience,
                                                 String kindClaim, String groupsClaim) {
            return new IdentitySettings(token, null, jwks, issuer, audience, List.of("RS256", "ES256", "EdDSA"),
                    Duration.ofSeconds(60), kindClaim, groupsClaim, "agent", null, "agent", List.of(), false);
        }

        /** True when a token (inline or file) is configured. */
        public boolean hasToken() {
            return token != null || tokenFile != null;
        }
    }

    /** The {@code governance.audit.*} part; {@code segments}: rotate, retain and compress of {@code jsonl:} sinks. */
    public record AuditSettings(List<String> sinks, OnFailure onFailure, boolean literals,
                                SegmentPolicy segments, String instance) {
        public AuditSettings {
            sinks = List.copyOf(sinks);
            java.util.Objects.requireNonNull(segments, "segments");
        }

        /** With the instance derived from the host and the JSONL file. */
        public AuditSettings(List<String> sinks, OnFailure onFailure, boolean literals, SegmentPolicy segments) {
            this(sinks, onFailure, literals, segments, null);
        }

        /** With the default segment policy (256MB segments, all kept, closed ones compressed), instance derived. */
        public AuditSettings(List<String> sinks, OnFailure onFailure, boolean literals) {
            this(sinks, onFailure, literals, SegmentPolicy.DEFAULT, null);
        }
    }

    /** What the trail does while a sink can't write. */
    public enum OnFailure { FAIL_CLOSED, FAIL_OPEN }

    /** The {@code governance.approval.*} part. */
    public record ApprovalSettings(String store, ApprovalMode mode, Duration timeout, String webhook) {
    }

    /** Whether a statement that needs approval blocks or fails at once. */
    public enum ApprovalMode { WAIT, FAIL }
}
