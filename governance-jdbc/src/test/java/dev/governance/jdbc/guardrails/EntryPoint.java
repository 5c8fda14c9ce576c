package dev.governance.jdbc.guardrails;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Every way a SQL text reaches the driver. */
enum EntryPoint {
    EXECUTE {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    },
    EXECUTE_QUERY {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    },
    EXECUTE_UPDATE {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }
    },
    EXECUTE_LARGE_UPDATE {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.executeLargeUpdate(sql);
            }
        }
    },
    EXECUTE_WITH_KEYS {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql, Statement.RETURN_GENERATED_KEYS);
            }
        }
    },
    BATCH {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.addBatch("SELECT 1");
                s.addBatch(sql);
                s.executeBatch();
            }
        }
    },
    PREPARE {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.execute();
            }
        }
    },
    PREPARE_QUERY {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    ResultSet rs = p.executeQuery()) {
                rs.next();
            }
        }
    },
    PREPARE_LARGE_UPDATE {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                p.executeLargeUpdate();
            }
        }
    },
    PREPARE_CALL {
        @Override
        void run(Connection c, String sql) throws SQLException {
            try (CallableStatement p = c.prepareCall(sql)) {
                p.execute();
            }
        }
    },
    NATIVE_SQL {
        @Override
        void run(Connection c, String sql) throws SQLException {
            c.nativeSQL(sql);
        }
    };

    abstract void run(Connection c, String sql) throws SQLException;
}
