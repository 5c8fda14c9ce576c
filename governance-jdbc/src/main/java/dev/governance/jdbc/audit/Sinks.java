package dev.governance.jdbc.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds sinks from {@code governance.audit.sinks} entries: {@code otel}, {@code jsonl:<path>}, {@code jdbc:<url>}. */
final class Sinks {
    private Sinks() {
    }

    static List<AuditSink> create(List<String> specs) {
        return create(specs, SegmentPolicy.DEFAULT);
    }

    static List<AuditSink> create(List<String> specs, SegmentPolicy segments) {
        List<AuditSink> sinks = new ArrayList<>(specs.size());
        for (String spec : specs) {
            sinks.add(createOrStandIn(spec, segments));
        }
        return sinks;
    }

    /** A sink whose construction throws (any Throwable) becomes an {@link UnavailableSink}: the others still work. */
    static AuditSink createOrStandIn(String spec, SegmentPolicy segments) {
        try {
            return create(spec, segments);
        } catch (IllegalArgumentException e) {
            throw e; // a bad spec is a configuration error, reported at connect
        } catch (Throwable e) {
            System.getLogger(Sinks.class.getName()).log(System.Logger.Level.ERROR,
                    "audit sink " + spec + " could not be created", e);
            return new UnavailableSink(spec, e, spec.equals("otel") && e instanceof LinkageError);
        }
    }

    static AuditSink create(String spec) {
        return create(spec, SegmentPolicy.DEFAULT);
    }

    static AuditSink create(String spec, SegmentPolicy segments) {
        if (spec.equals("otel")) {
            return new OtelSink();
        }
        if (spec.startsWith("jsonl:")) {
            return new JsonlSink(Path.of(spec.substring("jsonl:".length())), segments);
        }
        if (spec.startsWith("jdbc:")) {
            // Both "jdbc:h2:mem:audit" and "jdbc:jdbc:h2:mem:audit" name the same database.
            String url = spec.startsWith("jdbc:jdbc:") ? spec.substring("jdbc:".length()) : spec;
            return new JdbcSink(url);
        }
        throw new IllegalArgumentException("unknown audit sink " + spec);
    }
}
