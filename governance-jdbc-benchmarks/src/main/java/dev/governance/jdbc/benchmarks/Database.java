package dev.governance.jdbc.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where the contenders run: H2 in memory (in this JVM) or the PostgreSQL server on loopback. */
enum Database {
    H2("h2") {
        @Override
        String url(String suffix) {
            return "h2:mem:bench_" + suffix + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        String rowSource(int rows) {
            return "(SELECT X AS x FROM SYSTEM_RANGE(1, " + rows + ")) r";
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        String url(String suffix) {
            String host = System.getProperty("bench.postgresql.host", "127.0.0.1:5432");
            return "postgresql://" + host + "/" + System.getProperty("bench.postgresql.database", "test");
        }

        @Override
        Properties credentials() {
            Properties p = new Properties();
            p.setProperty("user", System.getProperty("bench.postgresql.user", "postgres"));
            p.setProperty("password", System.getProperty("bench.postgresql.password", ""));
            return p;
        }

        @Override
        String rowSource(int rows) {
            return "generate_series(1, " + rows + ") AS r(x)";
        }
    };

    final String label;

    Database(String label) {
        this.label = label;
    }

    static Database of(String label) {
        for (Database d : values()) {
            if (d.label.equals(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown database " + label);
    }

    /** The URL without {@code jdbc:}: each contender puts its own prefix in front. */
    abstract String url(String suffix);

    /** A FROM item yielding integers 1..rows in a column {@code x}: tables are filled by the server itself. */
    abstract String rowSource(int rows);

    Properties credentials() {
        return new Properties();
    }

    /** An ungoverned connection for creating and dropping the benchmark's tables. */
    Connection admin(String suffix) throws SQLException {
        return DriverManager.getConnection("jdbc:" + url(suffix), credentials());
    }
}
