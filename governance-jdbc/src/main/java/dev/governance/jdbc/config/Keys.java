package dev.governance.jdbc.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every configuration key of the contract (section 3) with its built-in default (null: none). */
public final class Keys {
    public static final String PREFIX = "governance.";

    public static final String CONFIG = "governance.config";
    public static final String ENVIRONMENT = "governance.environment";
    public static final String POLICY = "governance.policy";
    public static final String POLICY_RELOAD = "governance.policy.reload";
    public static final String TOKEN = "governance.identity.token";
    public static final String TOKEN_FILE = "governance.identity.token-file";
    public static final String JWKS = "governance.identity.jwks";
    public static final String ISSUER = "governance.identity.issuer";
    public static final String AUDIENCE = "governance.identity.audience";
    public static final String ALGORITHMS = "governance.identity.algorithms";
    public static final String CLOCK_SKEW = "governance.identity.clock-skew";
    public static final String KIND_CLAIM = "governance.identity.kind-claim";
    public static final String GROUPS_CLAIM = "governance.identity.groups-claim";
    public static final String DEFAULT_KIND = "governance.identity.default-kind";
    public static final String SUBJECT = "governance.identity.subject";
    public static final String KIND = "governance.identity.kind";
    public static final String GROUPS = "governance.identity.groups";
    public static final String ALLOW_UNVERIFIED = "governance.identity.allow-unverified";
    public static final String AUDIT_SINKS = "governance.audit.sinks";
    public static final String AUDIT_ON_FAILURE = "governance.audit.on-failure";
    public static final String AUDIT_LITERALS = "governance.audit.literals";
    public static final String AUDIT_ROTATE = "governance.audit.rotate";
    public static final String AUDIT_RETAIN = "governance.audit.retain";
    public static final String AUDIT_COMPRESS = "governance.audit.compress";
    public static final String AUDIT_INSTANCE = "governance.audit.instance";
    public static final String APPROVAL_STORE = "governance.approval.store";
    public static final String APPROVAL_MODE = "governance.approval.mode";
    public static final String APPROVAL_TIMEOUT = "governance.approval.timeout";
    public static final String APPROVAL_WEBHOOK = "governance.approval.webhook";
    public static final String MASKING_KEY_FILE = "governance.masking.key-file";
    public static final String ALLOW_UNWRAP = "governance.allow-unwrap";
    public static final String DELEGATE_DRIVER = "governance.delegate-driver";
    /** Read by the MCP server (governance-jdbc-mcp); known here so one configuration file serves both. */
    public static final String MCP_MAX_ROWS = "governance.mcp.max-rows";
    public static final String MCP_MAX_BYTES = "governance.mcp.max-bytes";

    /** Keys and defaults; a key mapped to null has no default. */
    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new TreeMap<>();
        d.put(CONFIG, null);
        d.put(ENVIRONMENT, "production");
        d.put(POLICY, null);
        d.put(POLICY_RELOAD, "true");
        d.put(TOKEN, null);
        d.put(TOKEN_FILE, null);
        d.put(JWKS, null);
        d.put(ISSUER, null);
        d.put(AUDIENCE, null);
        d.put(ALGORITHMS, "RS256,ES256,EdDSA");
        d.put(CLOCK_SKEW, "PT60S");
        d.put(KIND_CLAIM, "kind");
        d.put(GROUPS_CLAIM, "groups");
        d.put(DEFAULT_KIND, "agent");
        d.put(SUBJECT, null);
        d.put(KIND, "agent");
        d.put(GROUPS, null);
        d.put(ALLOW_UNVERIFIED, "false");
        d.put(AUDIT_SINKS, "otel,jsonl:governance-audit.jsonl");
        d.put(AUDIT_ON_FAILURE, "fail-closed");
        d.put(AUDIT_LITERALS, "false");
        d.put(AUDIT_ROTATE, "256MB");
        d.put(AUDIT_RETAIN, "all");
        d.put(AUDIT_COMPRESS, "gzip");
        d.put(AUDIT_INSTANCE, null);
        d.put(APPROVAL_STORE, "memory");
        d.put(APPROVAL_MODE, "fail");
        d.put(APPROVAL_TIMEOUT, "PT2M");
        d.put(APPROVAL_WEBHOOK, null);
        d.put(MASKING_KEY_FILE, null);
        d.put(ALLOW_UNWRAP, "false");
        d.put(DELEGATE_DRIVER, null);
        d.put(MCP_MAX_ROWS, "200");
        d.put(MCP_MAX_BYTES, "64KB");
        DEFAULTS = java.util.Collections.unmodifiableMap(d);
    }

    /** JWS algorithms the verifier supports at all (HMAC is never accepted: there is no shared secret). */
    static final Set<String> SUPPORTED_ALGORITHMS = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    static final List<String> AUDIT_SINK_KINDS = List.of("otel", "jsonl:", "jdbc:");

    private Keys() {
    }

    public static boolean isKnown(String key) {
        return DEFAULTS.containsKey(key);
    }
}
