package dev.governance.jdbc.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** One statement at a time on one connection: what each contender adds to a single call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatementBenchmark {
    @Param({"h2", "postgresql"})
    public String database;

    @Param({"raw", "otel", "p6spy", "agent", "service"})
    public String contender;

    private Fixture fixture;
    private Connection connection;
    private Statement statement;
    private PreparedStatement byId;
    private PreparedStatement update;
    private String adHocPrefix;
    private String drop;
    private int next;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        fixture = new Fixture(database, contender, false);
        connection = fixture.connect();
        statement = connection.createStatement();
        byId = connection.prepareStatement("SELECT id, customer, status, total FROM " + fixture.orders + " WHERE id = ?");
        update = connection.prepareStatement("UPDATE " + fixture.orders + " SET status = ? WHERE id = ?");
        adHocPrefix = "SELECT id, customer, status, total FROM " + fixture.orders + " WHERE id = ";
        drop = "DROP TABLE " + fixture.orders + "_missing"; // the database refuses it too: no such table
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            fixture.close();
        }
    }

    private int nextId() {
        int id = next++ % Fixture.ORDERS + 1;
        fixture.statements.increment();
        return id;
    }

    /** A prepared statement executed again and again with a new parameter. */
    @Benchmark
    public void preparedPointQuery(Blackhole bh) throws SQLException {
        byId.setInt(1, nextId());
        try (ResultSet rs = byId.executeQuery()) {
            while (rs.next()) {
                bh.consume(rs.getString(2));
                bh.consume(rs.getBigDecimal(4));
            }
        }
    }

    /** Ad-hoc SQL with a new literal every call (the text is new to the database and to every cache keyed on it). */
    @Benchmark
    public void adHocQuery(Blackhole bh) throws SQLException {
        try (ResultSet rs = statement.executeQuery(adHocPrefix + nextId())) {
            while (rs.next()) {
                bh.consume(rs.getString(2));
                bh.consume(rs.getBigDecimal(4));
            }
        }
    }

    /** A one-row UPDATE that an agent runs under {@code max-rows: 100} (inside a transaction the driver opens). */
    @Benchmark
    public int updateUnderMaxRows() throws SQLException {
        int id = nextId();
        update.setString(1, (id & 1) == 0 ? "open" : "paid");
        update.setInt(2, id);
        return update.executeUpdate();
    }

    /**
     * {@code DROP TABLE} of a table that doesn't exist: the agent is refused by policy before the database sees
     * it; everyone else gets the database's refusal. Either way the caller gets an SQLException.
     */
    @Benchmark
    public String refusedDropTable() {
        fixture.statements.increment();
        try {
            statement.execute(drop);
            throw new IllegalStateException("DROP TABLE of a missing table succeeded");
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
