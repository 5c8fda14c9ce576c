package dev.governance.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

/** Child JVM of {@link CentralJdbcSinkIT}: a service through the governed driver, its trail also in a shared table. */
public final class CentralSinkWriterMain {
    private CentralSinkWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        String sink = args[0];
        String instance = args[1];
        String file = args[2];
        int statements = Integer.parseInt(args[3]);
        Properties p = new Properties();
        p.setProperty("governance.identity.subject", instance + "-service");
        p.setProperty("governance.identity.kind", "service");
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.audit.sinks", "jsonl:" + file + "," + sink);
        p.setProperty("governance.audit.instance", instance);
        int ran = 0;
        try (Connection c = DriverManager.getConnection("jdbc:governed:h2:mem:" + instance + ";DB_CLOSE_DELAY=-1", p);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(10))");
            for (int i = 0; i < statements; i++) {
                s.executeUpdate("INSERT INTO t VALUES (" + i + ", 'v')");
                ran++;
            }
        }
        System.out.println("ran " + ran);
    }
}
