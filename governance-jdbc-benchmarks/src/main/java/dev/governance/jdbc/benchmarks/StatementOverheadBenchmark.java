package dev.governance.jdbc.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What governance costs per statement: the same work on the raw H2 driver and through {@code jdbc:governed:},
 * in one run. Run: {@code java -jar governance-jdbc-benchmarks/target/benchmarks.jar} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatementOverheadBenchmark {

    /** raw H2; governed as a service (no masking); governed as an agent (masking plan, values scanned). */
    @Param({"raw", "governed", "governed-agent"})
    public String driver;

    private Connection connection;
    private Statement statement;
    private PreparedStatement byId;
    private int next;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        String db = "h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Properties p = new Properties();
        if (driver.startsWith("governed")) {
            p.setProperty("governance.identity.subject", "bench");
            p.setProperty("governance.identity.kind", driver.equals("governed-agent") ? "agent" : "service");
            p.setProperty("governance.identity.allow-unverified", "true");
            p.setProperty("governance.audit.sinks", "otel");
            connection = DriverManager.getConnection("jdbc:governed:" + db, p);
        } else {
            connection = DriverManager.getConnection("jdbc:" + db, p);
        }
        statement = connection.createStatement();
        if (driver.equals("governed-agent")) {
            // the schema is created by a service; the agent only reads and runs bounded statements
            Properties owner = new Properties();
            owner.putAll(p);
            owner.setProperty("governance.identity.kind", "service");
            try (Connection c = DriverManager.getConnection("jdbc:governed:" + db, owner); Statement s = c.createStatement()) {
                createOrders(c, s);
            }
        } else {
            createOrders(connection, statement);
        }
        byId = connection.prepareStatement("SELECT id, customer, status, total FROM orders WHERE id = ?");
    }

    private static void createOrders(Connection connection, Statement statement) throws SQLException {
        statement.execute("CREATE TABLE orders(id INT PRIMARY KEY, customer VARCHAR(40), status VARCHAR(20), total DECIMAL(10,2))");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < 1000; i++) {
                insert.setInt(1, i);
                insert.setString(2, "customer-" + i);
                insert.setString(3, i % 3 == 0 ? "paid" : "open");
                insert.setBigDecimal(4, java.math.BigDecimal.valueOf(i, 2));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    /** Ad-hoc SQL with a varying literal: the case the normalized-text analysis cache is for. */
    @Benchmark
    public void adHocSelectByPrimaryKey(Blackhole bh) throws SQLException {
        int id = next++ & 1023 % 1000;
        try (ResultSet rs = statement.executeQuery("SELECT id, customer, status, total FROM orders WHERE id = " + id)) {
            while (rs.next()) {
                bh.consume(rs.getString(2));
            }
        }
    }

    /** A prepared statement executed repeatedly: decided at prepare time, never parsed again. */
    @Benchmark
    public void preparedSelectByPrimaryKey(Blackhole bh) throws SQLException {
        byId.setInt(1, next++ % 1000);
        try (ResultSet rs = byId.executeQuery()) {
            while (rs.next()) {
                bh.consume(rs.getString(2));
            }
        }
    }

    /** Reading 100 rows: the per-row cost of the result-set wrapper. */
    @Benchmark
    public void scan100Rows(Blackhole bh) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT id, customer, status, total FROM orders WHERE id < 100")) {
            while (rs.next()) {
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getString(3));
                bh.consume(rs.getBigDecimal(4));
            }
        }
    }
}
