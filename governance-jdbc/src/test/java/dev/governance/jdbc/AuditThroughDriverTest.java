package dev.governance.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.AuditVerifier;
import dev.governance.jdbc.config.SettingsLoader;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail as a user of the driver sees it: one record per statement, in a verifiable chain. */
class AuditThroughDriverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Properties auditedAs(Properties identity, Path file) {
        identity.setProperty("governance.audit.sinks", "jsonl:" + file);
        return identity;
    }

    private static List<JsonNode> events(Path file, Properties p) throws Exception {
        AuditTrail.of(new SettingsLoader().load(p).settings().audit()).flush();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static List<JsonNode> statements(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("event").asText().equals("statement")).toList();
    }

    private String sharedDb() {
        return "jdbc:governed:h2:mem:a" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void eightThreadsFiveHundredStatementsEachOneRecordPerStatement() throws Exception {
        Path file = dir.resolve("concurrent.jsonl");
        String url = sharedDb();
        Properties service = auditedAs(TestConnections.service(), file);
        try (Connection c = DriverManager.getConnection(url, service); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items(id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO items SELECT x, 0 FROM SYSTEM_RANGE(1, 100)");
        }
        Properties agent = auditedAs(TestConnections.agent(), file);
        AtomicInteger denied = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
                    for (int i = 0; i < 500; i++) {
                        if (i % 5 == 0) {
                            try {
                                s.executeUpdate("DELETE FROM items");
                            } catch (PolicyViolationException expected) {
                                assertEquals("42501", expected.getSQLState());
                                assertEquals(List.of("agent-no-unbounded-change"), expected.ruleIds());
                                denied.incrementAndGet();
                            }
                        } else if (i % 2 == 0) {
                            s.executeUpdate("UPDATE items SET v = v + 1 WHERE id = " + (1 + (thread * 500 + i) % 100));
                        } else {
                            try (ResultSet rs = s.executeQuery("SELECT v FROM items WHERE id = " + (1 + i % 100))) {
                                rs.next();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(8 * 100, denied.get());

        List<JsonNode> events = events(file, agent);
        List<JsonNode> agentStatements = statements(events).stream()
                .filter(e -> e.path("identity").path("subject").asText().equals("agent-7"))
                .filter(e -> !e.path("phase").asText().equals("intent"))
                .toList();
        assertEquals(8 * 500, agentStatements.size(), "exactly one completed record per statement");
        long deniedRecords = agentStatements.stream().filter(e -> e.path("decision").path("action").asText().equals("deny")).count();
        assertEquals(8 * 100, deniedRecords);
        long intents = statements(events).stream().filter(e -> e.path("phase").asText().equals("intent")).count();
        assertEquals(8 * 200, intents, "every agent write was recorded before it ran");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).path("seq").asLong(), "seq without gaps");
        }
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(file).status());
    }

    @Test
    void statementRecordHasTheContractFields() throws Exception {
        Path file = dir.resolve("fields.jsonl");
        String url = sharedDb();
        Properties service = auditedAs(TestConnections.service(), file);
        try (Connection c = DriverManager.getConnection(url, service); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders(id INT PRIMARY KEY, status VARCHAR(20))");
            s.execute("INSERT INTO orders VALUES (1, 'paid'), (2, 'paid'), (3, 'open')");
        }
        Properties agent = auditedAs(TestConnections.agent(), file);
        try (Connection c = DriverManager.getConnection(url, agent)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET status = ? WHERE id = ?")) {
                ps.setString(1, "shipped");
                ps.setInt(2, 1);
                assertEquals(1, ps.executeUpdate());
            }
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT id FROM orders WHERE status = 'paid' OR status = 'open'");
            int read = 0;
            while (rs.next()) {
                read++;
            }
            assertEquals(2, read);
            // Never closed by the caller: completed when the connection closes.
        }
        List<JsonNode> events = events(file, agent);
        JsonNode update = statements(events).stream().filter(e -> e.path("type").asText().equals("UPDATE")
                && e.path("phase").asText().equals("outcome")).findFirst().orElseThrow();
        assertEquals("UPDATE orders SET status = ? WHERE id = ?", update.path("sql").asText());
        assertEquals("agent", update.path("identity").path("kind").asText());
        assertFalse(update.path("identity").path("verified").asBoolean());
        assertEquals("production", update.path("environment").asText());
        assertEquals("H2", update.path("database").path("product").asText());
        assertTrue(update.path("tables").path("written").toString().contains("public.orders"), update.toString());
        assertEquals("allow", update.path("decision").path("action").asText());
        assertEquals("enforce", update.path("decision").path("mode").asText());
        assertEquals(1, update.path("rows").asLong());
        assertTrue(update.path("fingerprint").asText().length() >= 16);
        assertTrue(update.has("durationMicros"));

        JsonNode query = statements(events).stream().filter(e -> e.path("type").asText().equals("SELECT")).findFirst().orElseThrow();
        assertEquals(2, query.path("rows").asLong(), "rows read, known when the result was completed");
        assertFalse(query.path("sql").asText().contains("paid"), "literals replaced: " + query.path("sql"));
        assertTrue(events.stream().anyMatch(e -> e.path("event").asText().equals("connect")));
        assertTrue(events.stream().anyMatch(e -> e.path("event").asText().equals("close")));
        assertTrue(events.stream().anyMatch(e -> e.path("event").asText().equals("policy-loaded")));
    }

    @Test
    void sensitiveLiteralsNeverReachTheTrail() throws Exception {
        Path file = dir.resolve("pii.jsonl");
        String url = sharedDb();
        Properties service = auditedAs(TestConnections.service(), file);
        try (Connection c = DriverManager.getConnection(url, service); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers(id INT PRIMARY KEY, email VARCHAR(80), ssn VARCHAR(20))");
            s.execute("INSERT INTO customers VALUES (1, 'ada.lovelace@example.com', '078-05-1120')");
            s.executeQuery("SELECT id FROM customers WHERE email = 'ada.lovelace@example.com' AND ssn = '078-05-1120'").close();
            assertEquals("42S22", assertThrows(SQLException.class, () -> s.executeQuery(
                    "SELECT nope FROM customers WHERE email = 'ada.lovelace@example.com'")).getSQLState(),
                    "H2's column not found: the database's error, not a refusal");
        }
        Properties agent = auditedAs(TestConnections.agent(), file);
        try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
            PolicyViolationException refused = assertThrows(PolicyViolationException.class,
                    () -> s.executeUpdate("DELETE FROM customers WHERE email = 'ada.lovelace@example.com' OR 1 = 1"));
            assertEquals("42501", refused.getSQLState());
            assertEquals(List.of("agent-no-unbounded-change"), refused.ruleIds());
        }
        events(file, agent);
        String all = Files.readString(file);
        assertFalse(all.contains("ada.lovelace"), "an email literal reached the trail");
        assertFalse(all.contains("078-05-1120"), "an SSN literal reached the trail");
        assertFalse(all.contains("05-1120"));
    }

    @Test
    void connectDeniedIsRecorded() throws Exception {
        Path file = dir.resolve("denied.jsonl");
        Properties p = new Properties();
        p.setProperty("governance.audit.sinks", "jsonl:" + file);
        p.setProperty("user", "sa");
        p.setProperty("password", "hunter2");
        assertThrows(IdentityException.class, () -> DriverManager.getConnection(TestConnections.newH2Url() + ";PASSWORD=hunter2", p));
        List<JsonNode> events = events(file, p);
        assertTrue(events.stream().anyMatch(e -> e.path("event").asText().equals("connect-denied")
                && e.path("error").asText().contains("28000")), events.toString());
        assertFalse(Files.readString(file).contains("hunter2"), "credentials never reach the trail");
    }

    @Test
    void failClosedRefusesWithVG010AndNothingRuns() throws Exception {
        String url = sharedDb();
        Path good = dir.resolve("good.jsonl");
        try (Connection c = DriverManager.getConnection(url, auditedAs(TestConnections.service(), good));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INT PRIMARY KEY)");
        }
        Path blocked = dir.resolve("not-a-dir");
        Files.writeString(blocked, "a file where a directory should be");
        Properties p = auditedAs(TestConnections.service(), blocked.resolve("audit.jsonl"));
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
                s.execute("INSERT INTO t VALUES (1)");
            }
        });
        assertEquals("VG010", refused.getSQLState(), refused.getMessage());
        try (Connection c = DriverManager.getConnection(url, auditedAs(TestConnections.service(), good));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "nothing ran unrecorded");
        }
    }

    @Test
    void failOpenGoesOn() throws Exception {
        Path blocked = dir.resolve("also-not-a-dir");
        Files.writeString(blocked, "x");
        Properties p = auditedAs(TestConnections.service(), blocked.resolve("audit.jsonl"));
        p.setProperty("governance.audit.on-failure", "fail-open");
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void restartContinuesTheChain() throws Exception {
        Path file = dir.resolve("restart.jsonl");
        Properties p = auditedAs(TestConnections.service(), file);
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p)) {
            c.createStatement().executeQuery("SELECT 1").close();
        }
        long before = events(file, p).size();
        // What a restart does to the trail: closed (driver deregistered / JVM exit), then opened again.
        dev.governance.jdbc.audit.AuditTrails.closeAll();
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p)) {
            c.createStatement().executeQuery("SELECT 2").close();
        }
        List<JsonNode> after = events(file, p);
        assertTrue(after.size() > before, "new records were appended");
        for (int i = 0; i < after.size(); i++) {
            assertEquals(i + 1, after.get(i).path("seq").asLong());
        }
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(file).status());
    }
}
