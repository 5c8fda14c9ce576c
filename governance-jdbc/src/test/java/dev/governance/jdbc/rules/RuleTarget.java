package dev.governance.jdbc.rules;

import dev.governance.jdbc.testing.Databases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * One database the rule tests run against: a raw (ungoverned) connection to look at what really happened, and
 * governed connections as a named agent under a policy file.
 *
 * @param name     H2, PostgreSQL or MariaDB
 * @param rawUrl   the real driver's URL
 * @param user     the user (null for H2)
 * @param password the password (null for H2)
 */
record RuleTarget(String name, String rawUrl, String user, String password) {

    static RuleTarget h2() {
        return new RuleTarget("H2", "jdbc:h2:mem:rules" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", null, null);
    }

    static RuleTarget postgres() {
        Databases.requirePostgres();
        return new RuleTarget("PostgreSQL", Databases.postgresUrl(), Databases.postgresUser(),
                Databases.postgresPassword());
    }

    static RuleTarget mariaDb() {
        Databases.requireMariaDb();
        return new RuleTarget("MariaDB", Databases.mariaDbUrl(), Databases.mariaDbUser(), Databases.mariaDbPassword());
    }

    /** A unique name for a table of one test (the servers are shared). */
    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    Connection raw() throws SQLException {
        Properties p = new Properties();
        credentials(p);
        return DriverManager.getConnection(rawUrl, p);
    }

    /** A governed connection as agent {@code subject} (a static development identity) under {@code policy}. */
    Connection agent(String subject, String policy, String auditFile) throws SQLException {
        Properties p = new Properties();
        credentials(p);
        p.setProperty("governance.identity.subject", subject);
        p.setProperty("governance.identity.kind", "agent");
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.policy", policy);
        p.setProperty("governance.audit.sinks", "jsonl:" + auditFile);
        return DriverManager.getConnection("jdbc:governed:" + rawUrl.substring("jdbc:".length()), p);
    }

    private void credentials(Properties p) {
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
    }

    boolean isPostgres() {
        return name.equals("PostgreSQL");
    }

    boolean isMariaDb() {
        return name.equals("MariaDB");
    }
}
