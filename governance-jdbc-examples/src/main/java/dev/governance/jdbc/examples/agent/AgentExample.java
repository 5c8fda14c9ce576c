package dev.governance.jdbc.examples.agent;

import dev.governance.jdbc.GovernedDataSource;
import dev.governance.jdbc.examples.support.ExampleDatabase;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;

import java.util.List;

/**
 * A LangChain4j agent whose SQL tool runs through governance-jdbc with the agent's own token, driven through
 * LangChain4j's AI-service loop. The model here is scripted (no network); put any {@code ChatModel} in its place.
 *
 * <p>Run: {@code mvn -B -q -DskipTests -pl governance-jdbc-examples -am package exec:java
 * -Dexec.mainClass=dev.governance.jdbc.examples.agent.AgentExample}
 */
public final class AgentExample {
    /** The assistant LangChain4j implements: the loop of model turns and tool calls. */
    public interface Assistant {
        String chat(String userMessage);
    }

    public static final List<String> SCRIPT = List.of(
            "SELECT id, name, email FROM customers ORDER BY id",
            "DELETE FROM customers",
            "CREATE INDEX customers_name ON customers (name)");

    private AgentExample() {
    }

    /** The agent's DataSource: its own token, verified against the JWK set; production rules. */
    public static GovernedDataSource agentDataSource(ExampleDatabase db, String token, String jwks, String issuer,
                                                     String audience, String auditSinks) {
        GovernedDataSource ds = new GovernedDataSource(db.governedUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        ds.setIdentityToken(token);
        ds.setIdentityJwks(jwks);
        ds.setIdentityIssuer(issuer);
        ds.setIdentityAudience(audience);
        ds.setEnvironment("production");
        ds.setAuditSinks(auditSinks);
        return ds;
    }

    public static Assistant assistant(ChatModel model, GovernedDataSource agentDataSource) {
        return AiServices.builder(Assistant.class).chatModel(model).tools(new SqlTool(agentDataSource)).build();
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("agent-example");
        var key = dev.governance.jdbc.identity.TokenMinter.generateKey("ES256");
        java.nio.file.Path jwks = dir.resolve("jwks.json");
        java.nio.file.Files.writeString(jwks, dev.governance.jdbc.identity.TokenMinter.publicJwkSet(key));
        String token = dev.governance.jdbc.identity.TokenMinter.mint(key, "governance-jdbc-dev", "governance-jdbc",
                "support-agent", dev.governance.jdbc.identity.IdentityKind.AGENT, List.of(),
                java.time.Duration.ofHours(1), null);
        try (ExampleDatabase db = ExampleDatabase.create(args.length > 0 ? args[0] : "h2")) {
            db.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))",
                    "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')");
            ScriptedChatModel model = new ScriptedChatModel(SCRIPT);
            Assistant assistant = assistant(model, agentDataSource(db, token, jwks.toString(), "governance-jdbc-dev",
                    "governance-jdbc", "otel"));
            System.out.println(assistant.chat("Tidy up the customers table and speed up lookups by name."));
        }
    }
}
