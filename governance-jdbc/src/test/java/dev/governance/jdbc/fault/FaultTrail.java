package dev.governance.jdbc.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.audit.AuditReader;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.AuditVerifier;
import dev.governance.jdbc.config.SettingsLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSONL trail of a fault test, read the way users read it: flushed, chain verified, records parsed. */
final class FaultTrail {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultTrail() {
    }

    /** {@code p} with a JSONL sink at {@code file} (and no other sink). */
    static Properties audited(Properties p, Path file) {
        p.setProperty("governance.audit.sinks", "jsonl:" + file);
        return p;
    }

    /** Every record of the trail the connections with {@code p} write, after a flush; the chain must be intact. */
    static List<JsonNode> events(Properties p, Path file) throws Exception {
        assertTrue(AuditTrail.of(new SettingsLoader().load(p).settings().audit()).flush(), "the trail flushed");
        return read(file);
    }

    /** Every record of {@code file}'s trail (no flush); the chain must be intact. */
    static List<JsonNode> read(Path file) throws Exception {
        AuditVerifier.Result verified = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, verified.status(), verified.summary());
        List<JsonNode> out = new ArrayList<>();
        AuditReader.of(file).forEachRecord(0, r -> {
            out.add(JSON.readTree(r.json()));
            return true;
        });
        assertEquals(verified.records(), out.size(), "every verified record was read");
        return out;
    }

    /** The records of one kind ({@code statement}, {@code connect}, …) whose {@code sql} contains {@code marker}. */
    static List<JsonNode> named(List<JsonNode> events, String event, String marker) {
        return events.stream()
                .filter(e -> e.path("event").asText().equals(event))
                .filter(e -> marker == null || e.path("sql").asText().contains(marker))
                .toList();
    }

    /** The one record of that kind whose {@code sql} contains {@code marker}. */
    static JsonNode one(List<JsonNode> events, String event, String marker) {
        List<JsonNode> found = named(events, event, marker);
        assertEquals(1, found.size(), event + " records for " + marker + ": " + found);
        return found.get(0);
    }
}
