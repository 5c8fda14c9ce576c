package dev.governance.jdbc;

/** Invalid governance configuration or policy (SQLState `VG000`). */
public class ConfigurationException extends GovernanceException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message, SqlStates.CONFIGURATION);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, SqlStates.CONFIGURATION, cause);
    }
}
