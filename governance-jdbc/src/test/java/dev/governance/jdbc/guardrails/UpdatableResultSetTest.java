package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An updatable ResultSet lets the real driver write rows without any SQL text passing the gate: the agent's
 * statement is a SELECT, the writes are updateRow / insertRow / deleteRow. The baseline's write rules (secret
 * tables, primary keys, bounded changes) must hold here too, e.g. by refusing CONCUR_UPDATABLE for identities
 * whose policy restricts writes, or by checking each row operation as the equivalent UPDATE/INSERT/DELETE.
 */
class UpdatableResultSetTest {
    interface RowWrite {
        void run(ResultSet rs) throws SQLException;
    }

    static void attempt(String select, RowWrite write, boolean prepared) throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection service = TestConnections.open(url, TestConnections.service());
                Connection agent = TestConnections.open(url, Guard.agent())) {
            Guard.createSchema(service);
            String before = Guard.snapshot(service);
            SQLException refused = null;
            try {
                if (prepared) {
                    try (PreparedStatement p = agent.prepareStatement(select, ResultSet.TYPE_SCROLL_SENSITIVE,
                            ResultSet.CONCUR_UPDATABLE); ResultSet rs = p.executeQuery()) {
                        write.run(rs);
                    }
                } else {
                    try (Statement s = agent.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE);
                            ResultSet rs = s.executeQuery(select)) {
                        write.run(rs);
                    }
                }
            } catch (SQLException e) {
                refused = e;
            }
            if (!before.equals(Guard.snapshot(service))) {
                fail("an agent changed the database through an updatable ResultSet of [" + select + "]");
            }
            Guard.assertRefusal(refused, "42501", Set.of(), select);
            Guard.assertUsable(agent, true, select);
            assertEquals(before, Guard.snapshot(service));
        }
    }

    @Test
    void updateRowOnSecretTable() throws Exception {
        attempt("SELECT id, k FROM api_keys", rs -> {
            rs.next();
            rs.updateString(2, "hacked");
            rs.updateRow();
        }, false);
        attempt("SELECT id, k FROM api_keys", rs -> {
            rs.next();
            rs.updateString(2, "hacked");
            rs.updateRow();
        }, true);
    }

    @Test
    void insertRowIntoSecretTable() throws Exception {
        attempt("SELECT id, k FROM api_keys", rs -> {
            rs.moveToInsertRow();
            rs.updateInt(1, 77);
            rs.updateString(2, "planted");
            rs.insertRow();
        }, false);
    }

    @Test
    void updateRowChangesPrimaryKey() throws Exception {
        attempt("SELECT id, status FROM orders WHERE id = 1", rs -> {
            rs.next();
            rs.updateInt(1, 99);
            rs.updateRow();
        }, false);
    }

    @Test
    void deleteRowOverTheWholeTable() throws Exception {
        attempt("SELECT id, status FROM orders", rs -> {
            while (rs.next()) {
                rs.deleteRow();
            }
        }, false);
    }
}
