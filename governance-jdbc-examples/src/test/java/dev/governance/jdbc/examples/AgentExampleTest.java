package dev.governance.jdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.examples.agent.AgentExample;
import dev.governance.jdbc.examples.agent.ScriptedChatModel;
import dev.governance.jdbc.examples.support.ExampleDatabase;
import dev.governance.jdbc.identity.IdentityKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A LangChain4j agent through the real AI-service loop: masked results, refusal and approval as tool results. */
class AgentExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theModelGetsMaskedRowsARefusalAndAnApprovalRequestItCanActOn(String kind, @TempDir Path dir) throws Exception {
        DevTokens tokens = DevTokens.in(dir);
        Path audit = dir.resolve("audit.jsonl");
        try (ExampleDatabase db = TestDatabases.create(kind)) {
            db.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))",
                    "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')",
                    "INSERT INTO customers VALUES (2, 'Linus', 'linus@example.org')");
            ScriptedChatModel model = new ScriptedChatModel(AgentExample.SCRIPT);
            AgentExample.Assistant assistant = AgentExample.assistant(model, AgentExample.agentDataSource(db,
                    tokens.token("support-agent", IdentityKind.AGENT), tokens.jwks().toString(), DevTokens.ISSUER,
                    DevTokens.AUDIENCE, "jsonl:" + audit));

            String answer = assistant.chat("Tidy up the customers table and speed up lookups by name.");

            List<String> results = model.toolResults();
            assertEquals(3, results.size(), results.toString());
            String rows = results.get(0);
            assertTrue(rows.contains("1 | Ada | <email:"), rows);
            assertTrue(rows.contains("2 | Linus | <email:"), rows);
            assertTrue(!rows.contains("@example"), "no real email reaches the model: " + rows);
            assertTrue(results.get(1).startsWith("REFUSED [42501]"), results.get(1));
            assertTrue(results.get(1).contains("agent-no-unbounded-change"), results.get(1));
            Matcher request = Pattern.compile("APPROVAL REQUIRED \\[VG001] request ([0-9a-f-]{36})").matcher(results.get(2));
            assertTrue(request.find(), results.get(2));
            assertTrue(answer.contains("request " + request.group(1)), "the model passed the request on: " + answer);
            assertTrue(answer.contains("won't retry"), answer);

            try (Connection raw = db.raw(); Statement st = raw.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(email) FROM customers")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1), "the DELETE never ran");
                assertEquals("ada@example.com", rs.getString(2));
            }
        }
        String trail = Files.readString(audit);
        assertTrue(trail.contains("\"subject\":\"support-agent\""));
        assertTrue(trail.contains("\"verified\":true"), "the agent's own token, verified");
    }
}
