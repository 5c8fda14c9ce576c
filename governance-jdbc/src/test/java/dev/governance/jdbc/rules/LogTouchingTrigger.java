package dev.governance.jdbc.rules;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** An H2 trigger that bumps every row of the table named after "TRG_" in its own name: one change, many rows. */
public final class LogTouchingTrigger implements Trigger {
    private String logTable;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        logTable = triggerName.substring("TRG_".length());
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("UPDATE " + logTable + " SET n = n + 1");
        }
    }
}
