package dev.governance.jdbc.fault;

import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.config.SettingsLoader;
import dev.governance.jdbc.testing.TestConnections;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A child JVM for {@link AuditDiskFaultTest}, started under a file-size limit ({@code ulimit -S -f}): a governed agent
 * on an in-memory H2 database whose audit file hits the limit. Reads commands on stdin, answers one line each:
 * {@code exec SQL} (governed) → {@code ok N} or {@code err STATE message}; {@code raw SQL} (ungoverned, first
 * column of the first row) → {@code val V}; {@code healthy} → {@code healthy true|false}; {@code exit}.
 */
public final class AuditDiskMain {
    private AuditDiskMain() {
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        String db = "h2:mem:disk;DB_CLOSE_DELAY=-1";
        Properties agent = FaultTrail.audited(TestConnections.agent(), java.nio.file.Path.of(file));
        agent.setProperty("governance.audit.literals", "true"); // each insert is told apart by its id
        AuditTrail trail = AuditTrail.of(new SettingsLoader().load(agent).settings().audit());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Connection raw = DriverManager.getConnection("jdbc:" + db);
             Connection governed = DriverManager.getConnection("jdbc:governed:" + db, agent);
             Statement r = raw.createStatement(); Statement g = governed.createStatement()) {
            r.execute("CREATE TABLE items(id INT PRIMARY KEY)");
            System.out.println("ready");
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("exec ")) {
                    try {
                        System.out.println("ok " + g.executeUpdate(line.substring(5)));
                    } catch (SQLException e) {
                        System.out.println("err " + e.getSQLState() + " " + e.getMessage().replace('\n', ' '));
                    }
                } else if (line.startsWith("raw ")) {
                    try (ResultSet rs = r.executeQuery(line.substring(4))) {
                        rs.next();
                        System.out.println("val " + rs.getString(1));
                    }
                } else if (line.equals("healthy")) {
                    System.out.println("healthy " + trail.healthy());
                } else if (line.equals("exit")) {
                    break;
                }
                System.out.flush();
            }
        }
        System.out.println("bye");
        System.out.flush();
    }
}
