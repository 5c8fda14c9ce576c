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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A 100,000-row × 10-column result read through {@code getString} (text) and {@code getObject} (the rest), with
 * no sensitive column, and with two ({@code email}, {@code ssn}: masked for the agent by name and value).
 * Driver defaults (autocommit, no fetch size): PostgreSQL's driver receives the whole result before {@code next}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ResultReadBenchmark {
    @Param({"h2", "postgresql"})
    public String database;

    @Param({"raw", "otel", "p6spy", "agent", "service"})
    public String contender;

    @Param({"0", "2"})
    public int maskedColumns;

    private Fixture fixture;
    private Connection connection;
    private Statement statement;
    private String query;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        fixture = new Fixture(database, contender, true);
        connection = fixture.connect();
        statement = connection.createStatement();
        query = "SELECT " + (maskedColumns == 0 ? Fixture.PLAIN_COLUMNS : Fixture.MASKED_COLUMNS)
                + " FROM " + fixture.wide;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            fixture.close();
        }
    }

    @Benchmark
    public long read100kRows(Blackhole bh) throws SQLException {
        fixture.statements.increment();
        long rows = 0;
        try (ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                bh.consume(rs.getObject(1));  // id
                bh.consume(rs.getString(2));  // name
                bh.consume(rs.getString(3));  // city
                bh.consume(rs.getString(4));  // status
                bh.consume(rs.getString(5));  // note
                bh.consume(rs.getObject(6));  // qty
                bh.consume(rs.getObject(7));  // price
                bh.consume(rs.getObject(8));  // created
                bh.consume(rs.getString(9));  // flag, or email
                bh.consume(rs.getString(10)); // code, or ssn
                rows++;
            }
        }
        return rows;
    }
}
