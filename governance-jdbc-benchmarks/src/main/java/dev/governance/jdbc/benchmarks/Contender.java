package dev.governance.jdbc.benchmarks;

import java.util.Properties;

/**
 * Who runs the statements: the raw driver, its peers (OpenTelemetry's {@code jdbc:otel:}, p6spy), and
 * {@code jdbc:governed:} as an agent and as a service, each configured the way users configure it.
 */
enum Contender {
    RAW("raw", "jdbc:"),
    /** OpenTelemetry's JDBC driver; no SDK installed, so its spans are no-ops (as for our {@code otel} sink). */
    OTEL("otel", "jdbc:otel:"),
    /** p6spy with the default line format into an appender that discards the line. */
    P6SPY("p6spy", "jdbc:p6spy:"),
    /** An agent with a verified JWT, the default sinks {@code otel,jsonl:…}, literals scrubbed, masking on. */
    AGENT("agent", "jdbc:governed:"),
    /** A service with a verified JWT and the default sinks: decided and recorded, never masked. */
    SERVICE("service", "jdbc:governed:");

    static {
        // p6spy reads its settings from system properties (no spy.properties on the benchmark's class path).
        System.setProperty("p6spy.config.appender", NullP6Logger.class.getName());
        System.setProperty("p6spy.config.jmx", "false");
    }

    final String label;
    private final String prefix;

    Contender(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    static Contender of(String label) {
        for (Contender c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown contender " + label);
    }

    boolean governed() {
        return this == AGENT || this == SERVICE;
    }

    String url(Database database, String suffix) {
        return prefix + database.url(suffix);
    }

    /** Credentials, plus the governance settings for the governed contenders. */
    Properties properties(Database database, Governed governed) {
        Properties p = database.credentials();
        if (governed() && governed != null) {
            p.putAll(governed.properties(this == AGENT));
        }
        return p;
    }
}
