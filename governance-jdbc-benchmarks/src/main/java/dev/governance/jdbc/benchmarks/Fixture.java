package dev.governance.jdbc.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One trial's world: the tables (names unique to the trial, since the PostgreSQL server is shared), the
 * contender's URL and settings, and a count of the statements run, which the governed trail must hold at the end.
 * Tables are created and dropped with the raw driver.
 */
final class Fixture implements AutoCloseable {
    static final int ORDERS = 1_000;
    static final int WIDE_ROWS = 100_000;

    /** Ten columns, none sensitive. */
    static final String PLAIN_COLUMNS = "id, name, city, status, note, qty, price, created, flag, code";
    /** Ten columns, two of them sensitive by name and value ({@code email}, {@code ssn}). */
    static final String MASKED_COLUMNS = "id, name, city, status, note, qty, price, created, email, ssn";

    final Database database;
    final Contender contender;
    final String suffix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    final String orders = "bench_orders_" + suffix;
    final String wide = "bench_wide_" + suffix;
    final Governed governed;
    /** Statements run by the benchmark (counted by the benchmark methods, all contenders alike). */
    final LongAdder statements = new LongAdder();

    Fixture(String database, String contender, boolean wideTable) throws SQLException {
        this.database = Database.of(database);
        this.contender = Contender.of(contender);
        this.governed = this.contender.governed() ? new Governed() : null;
        try (Connection c = this.database.admin(suffix); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + orders + " (id INT PRIMARY KEY, customer VARCHAR(40), status VARCHAR(20),"
                    + " total DECIMAL(10,2))");
            s.execute("INSERT INTO " + orders + " SELECT x, 'customer-' || x, CASE WHEN MOD(x, 3) = 0 THEN 'paid'"
                    + " ELSE 'open' END, x / 100.0 FROM " + this.database.rowSource(ORDERS));
            if (wideTable) {
                s.execute("CREATE TABLE " + wide + " (id INT PRIMARY KEY, name VARCHAR(40), city VARCHAR(40),"
                        + " status VARCHAR(20), note VARCHAR(80), qty INT, price DECIMAL(10,2), created TIMESTAMP,"
                        + " flag BOOLEAN, code VARCHAR(12), email VARCHAR(80), ssn VARCHAR(11))");
                s.execute("INSERT INTO " + wide + " SELECT x, 'name ' || x, 'city ' || MOD(x, 97), CASE WHEN"
                        + " MOD(x, 3) = 0 THEN 'paid' ELSE 'open' END, 'delivered to the back door, order ' || x,"
                        + " MOD(x, 50), x / 100.0, TIMESTAMP '2026-01-01 00:00:00', MOD(x, 2) = 0, 'C' || MOD(x, 1000),"
                        + " 'user' || x || '@example.com', '123-45-' || LPAD(CAST(MOD(x, 10000) AS VARCHAR(4)), 4, '0')"
                        + " FROM " + this.database.rowSource(WIDE_ROWS));
            }
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(contender.url(database, suffix), contender.properties(database, governed));
    }

    /** A HikariCP pool with its defaults (10 connections) over the contender's URL. */
    HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(contender.url(database, suffix));
        Properties p = contender.properties(database, governed);
        config.setDataSourceProperties(p);
        config.setPoolName("bench-" + contender.label);
        return new HikariDataSource(config);
    }

    /** Fails the trial when the governed trail does not hold a record per statement; then drops the tables. */
    @Override
    public void close() throws SQLException {
        try {
            if (governed != null) {
                governed.checkTrail(statements.sum());
            }
        } finally {
            try (Connection c = database.admin(suffix); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + orders);
                s.execute("DROP TABLE IF EXISTS " + wide);
            } finally {
                if (governed != null) {
                    governed.close();
                }
            }
        }
    }
}
