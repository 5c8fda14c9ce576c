package dev.governance.jdbc.examples.hibernate;

import dev.governance.jdbc.examples.support.ExampleDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate on a {@code jdbc:governed:} URL, as an agent that sees personal data masked. Loading works (the
 * entity holds the masked values); saving a changed entity writes only real values: the default full-row UPDATE
 * would put the placeholders over the real email and birth date, so it is refused ({@code masked-write-back});
 * an entity with {@code @DynamicUpdate} writes only the changed name and goes through.
 *
 * <p>Run: {@code mvn -B -q -DskipTests -pl governance-jdbc-examples -am package exec:java
 * -Dexec.mainClass=dev.governance.jdbc.examples.hibernate.HibernateExample}
 */
public final class HibernateExample {
    public static final String[] TABLES = {
        "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), date_of_birth DATE)",
        "CREATE TABLE contact (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), date_of_birth DATE)",
        "INSERT INTO customer VALUES (1, 'Alice', 'alice@example.com', DATE '1984-03-07')",
        "INSERT INTO contact VALUES (1, 'Bob', 'bob@example.com', DATE '1979-11-30')",
    };

    private HibernateExample() {
    }

    /**
     * A session factory for one identity. Every {@code hibernate.connection.*} setting other than Hibernate's own
     * reaches the driver without its prefix, so {@code governance.*} settings go there as
     * {@code hibernate.connection.governance.*}.
     */
    public static SessionFactory sessionFactory(ExampleDatabase db, Map<String, String> governance) {
        Configuration cfg = new Configuration().addAnnotatedClass(Customer.class).addAnnotatedClass(Contact.class);
        cfg.setProperty("hibernate.connection.url", db.governedUrl());
        cfg.setProperty("hibernate.connection.username", db.user());
        cfg.setProperty("hibernate.connection.password", db.password());
        cfg.setProperty("hibernate.connection.pool_size", "2");
        governance.forEach((key, value) -> cfg.setProperty("hibernate.connection." + key, value));
        return cfg.buildSessionFactory();
    }

    /** The agent renames customer 1 (full-row UPDATE); returns the refusal, or null when it went through. */
    public static RuntimeException renameCustomer(SessionFactory agent, String name) {
        try (var session = agent.openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                session.find(Customer.class, 1).setName(name);
                tx.commit();
                return null;
            } catch (RuntimeException refused) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                return refused;
            }
        }
    }

    /** The agent renames contact 1 ({@code @DynamicUpdate}: only the name is written). */
    public static void renameContact(SessionFactory agent, String name) {
        agent.inTransaction(session -> session.find(Contact.class, 1).setName(name));
    }

    public static void main(String[] args) throws SQLException {
        try (ExampleDatabase db = ExampleDatabase.create(args.length > 0 ? args[0] : "h2")) {
            db.execute(TABLES);
            Map<String, String> agentIdentity = Map.of(
                    "governance.identity.subject", "support-agent", "governance.identity.kind", "agent",
                    "governance.identity.allow-unverified", "true", "governance.audit.sinks", "otel");
            try (SessionFactory agent = sessionFactory(db, agentIdentity)) {
                agent.inSession(s -> System.out.println("agent loads customer 1: email="
                        + s.find(Customer.class, 1).getEmail() + " born=" + s.find(Customer.class, 1).getDateOfBirth()));
                RuntimeException refused = renameCustomer(agent, "Alice Cooper");
                System.out.println("full-row update: " + (refused == null ? "ok" : "refused: " + rootMessage(refused)));
                renameContact(agent, "Bob Marley");
                System.out.println("@DynamicUpdate: ok");
            }
            try (Connection raw = db.raw(); Statement st = raw.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, email, date_of_birth FROM customer UNION ALL"
                         + " SELECT name, email, date_of_birth FROM contact")) {
                while (rs.next()) {
                    System.out.println("in the database: " + rs.getString(1) + " " + rs.getString(2) + " "
                            + rs.getDate(3));
                }
            }
        }
    }

    /** The innermost message of a chain (the driver's refusal, under Hibernate's wrapper). */
    public static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
