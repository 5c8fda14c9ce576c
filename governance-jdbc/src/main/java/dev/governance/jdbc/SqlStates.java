package dev.governance.jdbc;

/** The SQLStates of the contract (section 5). */
public final class SqlStates {
    public static final String IDENTITY = "28000";
    public static final String POLICY_DENIED = "42501";
    public static final String CONFIGURATION = "VG000";
    public static final String APPROVAL_PENDING = "VG001";
    public static final String APPROVAL_REFUSED = "VG002";
    public static final String APPROVAL_TIMEOUT = "VG003";
    public static final String AUDIT_UNAVAILABLE = "VG010";
    public static final String ROW_LIMIT_EXCEEDED = "VG020";
    public static final String RESULT_LIMIT_EXCEEDED = "VG021";

    private SqlStates() {
    }
}
