package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.SegmentPolicy;
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
        return create(specs, segments, null);
    }

    /** @param instance {@code governance.audit.instance}, or null to derive one ({@link #defaultInstance}) */
    static List<AuditSink> create(List<String> specs, SegmentPolicy segments, String instance) {
        String id = instance != null ? instance : defaultInstance(specs);
        List<AuditSink> sinks = new ArrayList<>(specs.size());
        for (String spec : specs) {
            sinks.add(createOrStandIn(spec, segments, id));
        }
        return sinks;
    }

    /** A sink whose construction throws (any Throwable) becomes an {@link UnavailableSink}: the others still work. */
    static AuditSink createOrStandIn(String spec, SegmentPolicy segments, String instance) {
        try {
            return create(spec, segments, instance);
        } catch (IllegalArgumentException e) {
            throw e; // a bad spec is a configuration error, reported at connect
        } catch (Throwable e) {
            System.getLogger(Sinks.class.getName()).log(System.Logger.Level.ERROR,
                    "audit sink " + spec + " could not be created", e);
            return new UnavailableSink(spec, e, spec.equals("otel") && e instanceof LinkageError);
        }
    }

    static AuditSink create(String spec) {
        return create(spec, SegmentPolicy.DEFAULT, defaultInstance(List.of(spec)));
    }

    /**
     * This process's name in a shared {@code jdbc:} table when {@code governance.audit.instance} is not set: the
     * host and the JSONL file (one writer per file, so stable across restarts), else the host and the process id.
     */
    static String defaultInstance(List<String> specs) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "localhost";
        }
        for (String spec : specs) {
            if (spec.startsWith("jsonl:")) {
                return host + ":" + Path.of(spec.substring("jsonl:".length())).toAbsolutePath().normalize();
            }
        }
        return host + ":pid-" + ProcessHandle.current().pid();
    }

    static AuditSink create(String spec, SegmentPolicy segments, String instance) {
        if (spec.equals("otel")) {
            return new OtelSink();
        }
        if (spec.startsWith("jsonl:")) {
            return new JsonlSink(Path.of(spec.substring("jsonl:".length())), segments);
        }
        if (spec.startsWith("jdbc:")) {
            // Both "jdbc:h2:mem:audit" and "jdbc:jdbc:h2:mem:audit" name the same database.
            String url = spec.startsWith("jdbc:jdbc:") ? spec.substring("jdbc:".length()) : spec;
            return new JdbcSink(url, instance);
        }
        throw new IllegalArgumentException("unknown audit sink " + spec);
    }
}
