package dev.governance.jdbc.console.impact;

import dev.governance.jdbc.approval.ApprovalRequest;

/** The database a request was made on, as the request recorded it (URL without credentials), or null. */
final class RequestDatabase {
    private RequestDatabase() {
    }

    static String url(ApprovalRequest request) {
        return null;
    }
}
