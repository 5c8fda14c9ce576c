package dev.governance.jdbc.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.governance.jdbc.GovernedConnection;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Through a HikariCP pool with its defaults (10 connections): how an application server runs the driver. Each
 * operation borrows a connection, prepares and runs a point query, and gives the connection back.
 */
@State(Scope.Benchmark)
public class PoolBenchmark {
    @Param({"h2", "postgresql"})
    public String database;

    @Param({"raw", "otel", "p6spy", "agent", "service"})
    public String contender;

    private Fixture fixture;
    private HikariDataSource pool;
    private String query;
    /** The workload identity a request carries into a pooled connection (governed contenders). */
    private String requestToken;
    private final AtomicInteger next = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws SQLException {
        fixture = new Fixture(database, contender, false);
        pool = fixture.pool();
        query = "SELECT id, customer, status, total FROM " + fixture.orders + " WHERE id = ?";
        requestToken = fixture.governed == null ? null
                : fixture.governed.token("bench-request", fixture.contender == Contender.AGENT);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        try {
            pool.close();
        } finally {
            fixture.close();
        }
    }

    private void pointQuery(Connection c, Blackhole bh) throws SQLException {
        fixture.statements.increment();
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setInt(1, (next.getAndIncrement() & 0x7fffffff) % Fixture.ORDERS + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getString(2));
                }
            }
        }
    }

    /** 64 application threads sharing the pool: operations per second. */
    @Benchmark
    @Threads(64)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void pooled64Threads(Blackhole bh) throws SQLException {
        try (Connection c = pool.getConnection()) {
            pointQuery(c, bh);
        }
    }

    /**
     * One request: borrow a connection, carry the request's JWT identity into it ({@code runAs}; governed
     * contenders), run the query, give the connection back.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void pooledConnectWithIdentity(Blackhole bh) throws SQLException {
        try (Connection c = pool.getConnection()) {
            if (requestToken == null) {
                pointQuery(c, bh);
            } else {
                try (GovernedConnection.IdentityScope scope = c.unwrap(GovernedConnection.class).runAs(requestToken)) {
                    pointQuery(c, bh);
                }
            }
        }
    }
}
