package dev.governance.jdbc.console.approvals;

import dev.governance.jdbc.approval.ApprovalRequest;

/** Fields of a request that older stores may lack, as shown to reviewers. */
final class RequestFields {
    private RequestFields() {
    }

    static String onBehalfOf(ApprovalRequest r) {
        return null;
    }

    static String database(ApprovalRequest r) {
        return null;
    }
}
