package dev.governance.jdbc.audit;

import java.io.IOException;
import java.util.List;

/**
 * Writes an event as the JSON object of contract 7, fields always in the same order. Statement events
 * carry every statement field (null when unknown, as in the contract's example); other events carry the
 * fields they have. One instance per writer thread: it reuses its buffer ({@link JsonBytes}: the writer thread
 * encodes every record, so encoding speed is the trail's speed).
 */
final class AuditJson {
    private final JsonBytes g = new JsonBytes();

    /** The canonical JSON (ending with {@code prevHash}, no {@code hash}); prevHash null omits it (JDBC sink). */
    byte[] canonical(long seq, AuditEvent e, String prevHash) throws IOException {
        encode(seq, e, prevHash, null);
        return g.toByteArray();
    }

    /**
     * The canonical JSON with the previous hash as 64 ASCII hex bytes, left in {@link #buffer()} up to the returned
     * length (valid until the next call): the JSONL writer copies it into its batch without an array per record.
     */
    int encode(long seq, AuditEvent e, byte[] prevHex) throws IOException {
        encode(seq, e, null, prevHex);
        return g.size();
    }

    byte[] buffer() {
        return g.buffer();
    }

    private void encode(long seq, AuditEvent e, String prevHash, byte[] prevHex) throws IOException {
        g.reset();
        g.writeStartObject();
        g.writeNumberField("seq", seq);
        g.writeTimestampField("ts", e.ts());
        g.writeStringField("event", e.event().label());
        if (e.phase() != null) {
            g.writeStringField("phase", e.phase().label());
        }
        g.writeStringField("connectionId", e.connectionId());
        writeIdentity(g, e.identity());
        g.writeStringField("environment", e.environment());
        if (e.database() == null) {
            g.writeNullField("database");
        } else {
            g.writeObjectFieldStart("database");
            g.writeStringField("product", e.database().product());
            g.writeStringField("url", e.database().url());
            g.writeEndObject();
        }
        boolean statement = e.event() == EventType.STATEMENT;
        if (statement || e.sql() != null) {
            g.writeStringField("sql", e.sql());
        }
        if (statement || e.fingerprint() != null) {
            g.writeStringField("fingerprint", e.fingerprint());
        }
        if (statement || e.type() != null) {
            g.writeStringField("type", e.type());
        }
        if (statement || e.tables() != null) {
            if (e.tables() == null) {
                g.writeNullField("tables");
            } else {
                g.writeObjectFieldStart("tables");
                writeStrings(g, "read", e.tables().read());
                writeStrings(g, "written", e.tables().written());
                g.writeEndObject();
            }
        }
        if (statement || e.columns() != null) {
            writeStrings(g, "columns", e.columns());
        }
        if (statement || e.decision() != null) {
            if (e.decision() == null) {
                g.writeNullField("decision");
            } else {
                g.writeObjectFieldStart("decision");
                g.writeStringField("action", e.decision().action());
                writeStrings(g, "rules", e.decision().rules());
                g.writeStringField("mode", e.decision().mode());
                g.writeEndObject();
            }
        }
        if (statement || e.masked() != null) {
            if (e.masked() == null) {
                g.writeNullField("masked");
            } else {
                g.writeArrayFieldStart("masked");
                for (AuditEvent.Masked m : e.masked()) {
                    g.writeStartObject();
                    g.writeStringField("column", m.column());
                    g.writeStringField("strategy", m.strategy());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        }
        if (statement || e.rows() != null) {
            writeLong(g, "rows", e.rows());
        }
        if (statement || e.durationMicros() != null) {
            writeLong(g, "durationMicros", e.durationMicros());
        }
        if (statement || e.error() != null) {
            g.writeStringField("error", e.error());
        }
        if (e.requestId() != null) {
            g.writeStringField("requestId", e.requestId());
        }
        if (e.reviewer() != null) {
            g.writeStringField("reviewer", e.reviewer());
        }
        if (e.reason() != null) {
            g.writeStringField("reason", e.reason());
        }
        if (e.comment() != null) {
            g.writeStringField("comment", e.comment());
        }
        if (e.policy() != null) {
            g.writeObjectFieldStart("policy");
            g.writeStringField("source", e.policy().source());
            g.writeStringField("version", e.policy().version());
            g.writeStringField("sha256", e.policy().sha256());
            g.writeEndObject();
        }
        if (e.client() != null) {
            g.writeObjectFieldStart("client");
            g.writeStringField("name", e.client().name());
            g.writeStringField("version", e.client().version());
            if (e.client().tool() != null) {
                g.writeStringField("tool", e.client().tool());
            }
            g.writeEndObject();
        }
        if (e.gap() != null) {
            g.writeObjectFieldStart("gap");
            g.writeNumberField("from", e.gap().from());
            g.writeNumberField("to", e.gap().to());
            g.writeNumberField("lost", e.gap().lost());
            g.writeStringField("sink", e.gap().sink());
            g.writeStringField("reason", e.gap().reason());
            g.writeEndObject();
        }
        if (prevHex != null) {
            g.writeAsciiField("prevHash", prevHex, prevHex.length);
        } else if (prevHash != null) {
            g.writeStringField("prevHash", prevHash);
        }
        g.writeEndObject();
    }

    private static void writeIdentity(JsonBytes g, AuditEvent.Who who) {
        if (who == null) {
            g.writeNullField("identity");
            return;
        }
        g.writeObjectFieldStart("identity");
        g.writeStringField("subject", who.subject());
        g.writeStringField("kind", who.kind());
        writeStrings(g, "groups", who.groups());
        g.writeBooleanField("verified", who.verified());
        g.writeStringField("onBehalfOf", who.onBehalfOf());
        g.writeEndObject();
    }

    private static void writeStrings(JsonBytes g, String name, List<String> values) {
        if (values == null) {
            g.writeNullField(name);
            return;
        }
        g.writeArrayFieldStart(name);
        if (values instanceof java.util.RandomAccess) {
            for (int i = 0, n = values.size(); i < n; i++) { // no iterator per list per record
                g.writeString(values.get(i));
            }
        } else {
            for (String value : values) {
                g.writeString(value);
            }
        }
        g.writeEndArray();
    }

    private static void writeLong(JsonBytes g, String name, Long value) {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
