package dev.governance.jdbc.examples.agent;

import dev.governance.jdbc.ApprovalPendingException;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The agent's SQL tool. It runs through a governed DataSource that carries the agent's own token, so every
 * statement is decided for the agent, results come back masked, and the trail names the agent. A refusal is not
 * an exception for the model: it is a tool result saying what happened and what to do next.
 */
public final class SqlTool {
    private static final int MAX_ROWS = 50;
    private final DataSource governed;

    public SqlTool(DataSource governed) {
        this.governed = governed;
    }

    @Tool("Runs one SQL statement on the company database and returns the rows or the number of rows changed."
            + " Statements may be refused by policy or wait for a human's approval.")
    public String sql(@P("one SQL statement") String statement) {
        try (Connection c = governed.getConnection(); Statement st = c.createStatement()) {
            if (!st.execute(statement)) {
                return st.getUpdateCount() + " rows changed";
            }
            try (ResultSet rs = st.getResultSet()) {
                return rows(rs);
            }
        } catch (ApprovalPendingException pending) {
            return "APPROVAL REQUIRED [" + pending.getSQLState() + "] request " + pending.requestId()
                    + ": a human must approve it; tell the user the request id and run the same statement again once"
                    + " approved. " + pending.getMessage();
        } catch (SQLException e) {
            return "REFUSED [" + e.getSQLState() + "] " + e.getMessage() + " Do not retry this statement as it is.";
        }
    }

    private static String rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.append(i > 1 ? " | " : "").append(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        int n = 0;
        while (rs.next() && n < MAX_ROWS) {
            out.append('\n');
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.append(i > 1 ? " | " : "").append(rs.getString(i));
            }
            n++;
        }
        return out.toString();
    }
}
