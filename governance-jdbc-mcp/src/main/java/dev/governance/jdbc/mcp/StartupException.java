package dev.governance.jdbc.mcp;

/** The server can't start: bad option, unreadable configuration, no usable identity. */
final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
