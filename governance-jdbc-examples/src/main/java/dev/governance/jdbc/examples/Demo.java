package dev.governance.jdbc.examples;

import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;

import dev.governance.jdbc.audit.AuditQuery;
import dev.governance.jdbc.audit.AuditVerifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The 30-second tour on embedded H2: an AI agent connects through {@code jdbc:governed:h2:...} and works with an
 * orders database. Run it with the README's demo command.
 */
public final class Demo {
    private static final String URL = "jdbc:governed:h2:mem:shop;DB_CLOSE_DELAY=-1";
    private static final Path AUDIT = Path.of(System.getProperty("java.io.tmpdir"), "governance-demo-audit.jsonl");

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Files.deleteIfExists(AUDIT);
        System.out.println("governance-jdbc demo: an AI agent on " + URL);
        System.out.println();
        setUpShop();
        try (Connection connection = DriverManager.getConnection(URL, agent())) {
            Identity identity = connection.unwrap(GovernedConnection.class).identity();
            step("connected as " + identity.subject() + " (kind " + identity.kind().label() + ", verified "
                    + identity.verified() + ")");
            try (Statement s = connection.createStatement()) {
                section("Ordinary work goes through");
                run(s, "SELECT id, email, status FROM customers ORDER BY id");
                run(s, "SELECT c.id, upper(c.email) AS contact, o.status FROM customers c JOIN orders o ON o.customer_id = c.id");
                run(s, "UPDATE orders SET status = 'shipped' WHERE id = 2");
                section("Dangerous operations are stopped before they reach the database");
                run(s, "DROP TABLE orders");
                run(s, "DELETE FROM orders");
                run(s, "UPDATE orders SET status = 'void' WHERE 1 = 1 OR id = 2");
                run(s, "SELECT 1; DROP TABLE customers");
                run(s, "SELECT FILE_READ('/etc/passwd')");
                run(s, "UPDATE orders SET id = 99 WHERE id = 1");
                run(s, "INSERT INTO api_keys VALUES ('stolen')");
                section("Schema changes in production go to approval, decided in seconds");
                String createIndex = "CREATE INDEX orders_status ON orders(status)";
                run(s, createIndex);
                GovernedConnection governed = connection.unwrap(GovernedConnection.class);
                for (var request : governed.approvals().list()) {
                    Identity dba = new Identity("dana", IdentityKind.HUMAN, java.util.List.of("dba"), null, null, true, null);
                    governed.approvals().approve(request.id(), dba);
                    System.out.println("    dba> approves request " + request.id() + " (" + request.sql() + ")");
                }
                run(s, createIndex);
                section("Nothing that was refused ran: the data is intact");
                run(s, "SELECT id, customer_id, status FROM orders ORDER BY id");
            }
        }
        Properties reviewer = agent();
        reviewer.setProperty("governance.identity.subject", "alice");
        reviewer.setProperty("governance.identity.kind", "human");
        reviewer.setProperty("governance.identity.groups", "pii-reader");
        try (Connection connection = DriverManager.getConnection(URL, reviewer); Statement s = connection.createStatement()) {
            section("A human reviewer in the pii-reader group sees the real values");
            run(s, "SELECT id, email FROM customers ORDER BY id", "alice");
        }
        showAuditTrail();
        System.out.println();
        System.out.println("Every statement passed one gate: identity, policy (the built-in baseline here), then the database.");
    }

    private static Properties agent() {
        Properties p = new Properties();
        p.setProperty("governance.identity.subject", "agent-7");
        p.setProperty("governance.identity.kind", "agent");
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.environment", "production");
        p.setProperty("governance.audit.sinks", "jsonl:" + AUDIT);
        return p;
    }

    private static void setUpShop() throws SQLException {
        Properties admin = new Properties();
        admin.setProperty("governance.identity.subject", "schema-owner");
        admin.setProperty("governance.identity.kind", "service");
        admin.setProperty("governance.identity.allow-unverified", "true");
        admin.setProperty("governance.audit.sinks", "jsonl:" + AUDIT);
        try (Connection c = DriverManager.getConnection(URL, admin); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers(id INT PRIMARY KEY, email VARCHAR(80), status VARCHAR(20))");
            s.execute("INSERT INTO customers VALUES (1, 'ada@example.com', 'active'), (2, 'linus@example.org', 'active')");
            s.execute("CREATE TABLE orders(id INT PRIMARY KEY, customer_id INT, status VARCHAR(20))");
            s.execute("INSERT INTO orders VALUES (1, 1, 'paid'), (2, 2, 'paid'), (3, 1, 'shipped')");
            s.execute("CREATE TABLE api_keys(k VARCHAR(40))");
        }
    }

    private static void run(Statement s, String sql) {
        run(s, sql, "agent");
    }

    private static void run(Statement s, String sql, String who) {
        System.out.printf("  %5s> %s%n", who, sql);
        try {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    print(rs);
                }
            } else {
                System.out.println("         ok, " + s.getUpdateCount() + " row(s) changed");
            }
        } catch (SQLException e) {
            System.out.println("         REFUSED [" + e.getSQLState() + "] " + e.getMessage());
        }
    }

    private static void print(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        StringBuilder header = new StringBuilder("         ");
        for (int i = 1; i <= columns; i++) {
            header.append(String.format("%-22s", rs.getMetaData().getColumnLabel(i)));
        }
        System.out.println(header);
        while (rs.next()) {
            StringBuilder row = new StringBuilder("         ");
            for (int i = 1; i <= columns; i++) {
                row.append(String.format("%-22s", rs.getString(i)));
            }
            System.out.println(row);
        }
    }

    private static void showAuditTrail() throws Exception {
        dev.governance.jdbc.audit.AuditTrails.closeAll(); // flush: what a JVM exit does
        section("The audit trail (" + AUDIT + ")");
        long statements = 0;
        long refused = 0;
        for (String line : Files.readAllLines(AUDIT)) {
            if (line.contains("\"event\":\"statement\"") && !line.contains("\"phase\":\"intent\"")) {
                statements++;
                if (line.contains("\"action\":\"deny\"") || line.contains("\"error\":\"VG001")) {
                    refused++;
                }
            }
        }
        System.out.println("  " + statements + " statements recorded, " + refused + " of them refused;"
                + " hash chain: " + AuditVerifier.verify(AUDIT).summary());
        System.out.println("  who did what to which tables (what `audit query` answers):");
        new AuditQuery("agent-7", null, null, null, "statement").run(AUDIT, match -> {
            var r = match.record();
            if (!r.path("phase").asText().equals("intent")) {
                System.out.printf("    %-6s %-8s %-18s %s%n", r.path("decision").path("action").asText(),
                        r.path("type").asText(), r.path("tables").path("written").size() > 0
                                ? "writes " + names(r.path("tables").path("written"))
                                : r.path("tables").path("read").size() > 0 ? "reads " + names(r.path("tables").path("read")) : "",
                        r.path("masked").size() > 0 ? "masked " + r.path("masked") : "");
            }
        });
        System.out.println("  try: java -jar governance-jdbc/target/governance-jdbc-*-all.jar audit query " + AUDIT);
    }

    /** Table names in a stable order (the record lists them as the statement met them). */
    private static String names(com.fasterxml.jackson.databind.JsonNode tables) {
        java.util.List<String> names = new java.util.ArrayList<>();
        tables.forEach(t -> names.add(t.asText()));
        java.util.Collections.sort(names);
        return String.join(", ", names);
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("-- " + title);
    }

    private static void step(String text) {
        System.out.println("* " + text);
    }
}
