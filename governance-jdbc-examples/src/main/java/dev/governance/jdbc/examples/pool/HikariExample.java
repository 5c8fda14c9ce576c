package dev.governance.jdbc.examples.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.GovernedDataSource;
import dev.governance.jdbc.examples.support.ExampleDatabase;
import dev.governance.jdbc.pool.RequestScopedDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * HikariCP in front of governance-jdbc, configured the two ways Hikari offers, and the pool-aware DataSource that
 * makes every borrow one request (identity scopes and {@code governance.reason} never outlive the borrower).
 *
 * <p>Run: {@code mvn -B -q -DskipTests -pl governance-jdbc-examples -am package exec:java
 * -Dexec.mainClass=dev.governance.jdbc.examples.pool.HikariExample}
 */
public final class HikariExample {
    private HikariExample() {
    }

    /**
     * {@code jdbcUrl=jdbc:governed:…}: Hikari hands its data-source properties to the driver as connection
     * properties, so {@code governance.*} keys go there as they are.
     */
    public static HikariDataSource withJdbcUrl(ExampleDatabase db, Map<String, String> governance, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.governedUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(size);
        governance.forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    /**
     * {@code dataSourceClassName=dev.governance.jdbc.GovernedDataSource}: Hikari sets bean properties, named
     * after the keys without {@code governance.} in camel case ({@code identityTokenFile},
     * {@code auditSinks}, …), plus {@code url}, {@code user}, {@code password} and {@code config}.
     */
    public static HikariDataSource withDataSourceClass(ExampleDatabase db, Map<String, String> beanProperties, int size) {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(GovernedDataSource.class.getName());
        config.addDataSourceProperty("url", db.governedUrl());
        config.addDataSourceProperty("user", db.user());
        config.addDataSourceProperty("password", db.password());
        beanProperties.forEach(config::addDataSourceProperty);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** Who the next statement on a borrowed connection runs as. */
    public static String subjectOf(Connection c) throws SQLException {
        return c.unwrap(GovernedConnection.class).identity().subject();
    }

    public static void main(String[] args) throws SQLException {
        try (ExampleDatabase db = ExampleDatabase.create(args.length > 0 ? args[0] : "h2")) {
            db.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))",
                    "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')");
            Map<String, String> agent = Map.of("identitySubject", "report-agent", "identityKind", "agent",
                    "identityAllowUnverified", "true", "auditSinks", "otel");
            try (HikariDataSource hikari = withDataSourceClass(db, agent, 2)) {
                DataSource pool = RequestScopedDataSource.over(hikari);
                try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT id, name, email FROM customers")) {
                    while (rs.next()) {
                        System.out.println(subjectOf(c) + " sees " + rs.getInt(1) + " " + rs.getString(2) + " "
                                + rs.getString(3));
                    }
                }
                try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM customers");
                } catch (SQLException refused) {
                    System.out.println("refused [" + refused.getSQLState() + "] " + refused.getMessage());
                }
            }
        }
    }
}
