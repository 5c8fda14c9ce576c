package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestConnections;
import dev.governance.jdbc.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared by the getter sweeps of each database: identities, seeds, running the sweep and reporting escapes. */
final class GetterFixtures {
    static final String EMAIL = "alice.smith@example.com";
    static final String CARD = "4111111111111111";

    private GetterFixtures() {
    }

    /** The seed: {@code -Dgetter.seed=N} replays a run; otherwise a fresh one, printed when a run fails. */
    static long seed() {
        String fixed = System.getProperty("getter.seed");
        return fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
    }

    static List<Properties> identities() {
        return List.of(TestConnections.agent(), TestConnections.as("alice", "human"), TestConnections.service());
    }

    static void exec(Connection c, List<String> sql, String name) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s.replace("{t}", name));
            }
        }
    }

    /** Sweeps {@code rounds} randomly chosen queries for each identity; fails listing what escaped. */
    /** Sweeps on a real server (through the governed driver, each identity with the server's credentials). */
    static void sweep(TestDatabase db, List<String> queries, String table, int rounds) throws SQLException {
        sweep(db.governedUrl(), identities().stream().map(db::withCredentials).toList(), queries, table, rounds);
    }

    static void sweep(String url, List<Properties> identities, List<String> queries, String table, int rounds)
            throws SQLException {
        long seed = seed();
        Random random = new Random(seed);
        List<GetterSweep.Escape> escapes = new ArrayList<>();
        int swept = 0;
        for (Properties identity : identities) {
            try (Connection c = java.sql.DriverManager.getConnection(url, identity)) {
                for (int i = 0; i < rounds; i++) {
                    String sql = queries.get(random.nextInt(queries.size())).replace("{t}", table);
                    escapes.addAll(GetterSweep.sweep(c, sql, random));
                    swept++;
                }
            }
        }
        assertEquals(List.of(), escapes, "seed " + seed + " (replay with -Dgetter.seed=" + seed + "), " + swept
                + " results swept");
    }
}
