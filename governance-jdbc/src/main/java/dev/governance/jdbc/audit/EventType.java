package dev.governance.jdbc.audit;

/** The kinds of audit events (contract section 7), with the label written to every sink. */
public enum EventType {
    CONNECT("connect"),
    CONNECT_DENIED("connect-denied"),
    STATEMENT("statement"),
    CLOSE("close"),
    APPROVAL_REQUESTED("approval-requested"),
    APPROVAL_DECIDED("approval-decided"),
    POLICY_LOADED("policy-loaded"),
    /** A call of an MCP tool, recorded by the MCP server as the identity that made it (with its client). */
    TOOL_CALL("tool-call"),
    /** Written by the trail itself where a sink lost events (fail-open); never created by callers. */
    GAP("gap");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type for a label, or null when there is none. */
    public static EventType ofLabel(String label) {
        for (EventType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        return null;
    }
}
