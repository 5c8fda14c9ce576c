package dev.governance.jdbc.config;

import dev.governance.jdbc.ConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Merges the configuration sources of contract section 3 (connect Properties, the file named by
 * {@code governance.config}, {@code governance.properties} on the classpath, built-in defaults), validates
 * every value, and splits off the Properties the real driver receives.
 */
public final class SettingsLoader {
    /** The identity kinds a setting may name (the identity package maps them to {@code IdentityKind}). */
    private static final java.util.Set<String> KINDS = java.util.Set.of("human", "agent", "service");
    static final String CLASSPATH_DEFAULTS = "governance.properties";
    static final String ENV_CONFIG = "GOVERNANCE_CONFIG";

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;
    private final String classpathDefaults;

    /** The result of loading: validated settings, and what the real driver gets. */
    public record Loaded(Settings settings, Properties delegateProperties) {
    }

    public SettingsLoader() {
        this(System::getProperty, System::getenv, CLASSPATH_DEFAULTS);
    }

    /** For tests: where system properties, environment variables and classpath defaults come from. */
    public SettingsLoader(UnaryOperator<String> systemProperties, UnaryOperator<String> environment,
                          String classpathDefaults) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.classpathDefaults = classpathDefaults;
    }

    public Loaded load(Properties given) throws ConfigurationException {
        Properties delegate = new Properties();
        Map<String, String> fromConnect = new HashMap<>();
        if (given != null) {
            for (String name : given.stringPropertyNames()) {
                String value = given.getProperty(name);
                if (name.startsWith(Keys.PREFIX)) {
                    fromConnect.put(name, value);
                } else {
                    delegate.setProperty(name, value);
                }
            }
            // Non-string values (rare, but Properties allows them) pass through untouched.
            given.forEach((k, v) -> {
                if (!(k instanceof String) || !(v instanceof String)) {
                    delegate.put(k, v);
                }
            });
        }
        requireKnown(fromConnect, "connection properties");

        Map<String, String> merged = new HashMap<>(Keys.DEFAULTS);
        merged.putAll(readClasspathDefaults());
        String configLocation = firstNonNull(fromConnect.get(Keys.CONFIG),
                systemProperties.apply(Keys.CONFIG), environment.apply(ENV_CONFIG));
        if (configLocation != null && !configLocation.isBlank()) {
            merged.putAll(readPropertiesFile(Keys.CONFIG, configLocation));
        }
        merged.putAll(fromConnect);
        return new Loaded(toSettings(merged), delegate);
    }

    private Map<String, String> readClasspathDefaults() throws ConfigurationException {
        try (InputStream in = Locations.classLoader().getResourceAsStream(classpathDefaults)) {
            if (in == null) {
                return Map.of();
            }
            return parseProperties(in, "classpath:" + classpathDefaults);
        } catch (IOException e) {
            throw new ConfigurationException("classpath:" + classpathDefaults + " can't be read: " + e, e);
        }
    }

    private static Map<String, String> readPropertiesFile(String key, String location) throws ConfigurationException {
        byte[] bytes = Locations.read(key, location);
        try {
            return parseProperties(new ByteArrayInputStream(bytes), location);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(key + "=" + location + ": not a properties file (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, String> parseProperties(InputStream in, String source)
            throws IOException, ConfigurationException {
        Properties p = new Properties();
        p.load(in);
        Map<String, String> values = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.equals(Keys.CONFIG)) {
                throw new ConfigurationException(name + " can't be set inside a configuration file (" + source + ")");
            }
            values.put(name, p.getProperty(name));
        }
        requireKnown(values, source);
        return values;
    }

    private static void requireKnown(Map<String, String> values, String source) throws ConfigurationException {
        for (String name : values.keySet()) {
            if (!Keys.isKnown(name)) {
                throw new ConfigurationException("Unknown configuration key " + name + "=" + values.get(name)
                        + " in " + source + " (see docs/configuration.md for the keys)");
            }
        }
    }

    private static Settings toSettings(Map<String, String> v) throws ConfigurationException {
        Values values = new Values(v);
        Settings.IdentitySettings identity = new Settings.IdentitySettings(
                values.optional(Keys.TOKEN),
                values.optional(Keys.TOKEN_FILE),
                values.optional(Keys.JWKS),
                values.optional(Keys.ISSUER),
                values.optional(Keys.AUDIENCE),
                values.algorithms(Keys.ALGORITHMS),
                values.duration(Keys.CLOCK_SKEW),
                values.required(Keys.KIND_CLAIM),
                values.required(Keys.GROUPS_CLAIM),
                values.kind(Keys.DEFAULT_KIND),
                values.optional(Keys.SUBJECT),
                values.kind(Keys.KIND),
                values.list(Keys.GROUPS),
                values.bool(Keys.ALLOW_UNVERIFIED));
        if (identity.token() != null && identity.tokenFile() != null) {
            throw new ConfigurationException(Keys.TOKEN + " and " + Keys.TOKEN_FILE
                    + " are both set; set one (token-file=" + identity.tokenFile() + ")");
        }
        if (identity.hasToken()) {
            values.requireWith(Keys.JWKS, "a token");
            values.requireWith(Keys.ISSUER, "a token");
            values.requireWith(Keys.AUDIENCE, "a token");
        }
        Settings.AuditSettings audit = new Settings.AuditSettings(
                values.sinks(Keys.AUDIT_SINKS),
                values.choice(Keys.AUDIT_ON_FAILURE, Settings.OnFailure.class),
                values.bool(Keys.AUDIT_LITERALS),
                values.segments(),
                values.optional(Keys.AUDIT_INSTANCE));
        Settings.ApprovalSettings approval = new Settings.ApprovalSettings(
                values.store(Keys.APPROVAL_STORE),
                values.choice(Keys.APPROVAL_MODE, Settings.ApprovalMode.class),
                values.duration(Keys.APPROVAL_TIMEOUT),
                values.url(Keys.APPROVAL_WEBHOOK));
        return new Settings(
                values.required(Keys.ENVIRONMENT),
                values.optional(Keys.POLICY),
                values.bool(Keys.POLICY_RELOAD),
                identity,
                audit,
                approval,
                values.optional(Keys.MASKING_KEY_FILE),
                values.bool(Keys.ALLOW_UNWRAP),
                values.optional(Keys.DELEGATE_DRIVER));
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Typed reads of the merged values; every failure names the key and the value. */
    private record Values(Map<String, String> raw) {

        String optional(String key) {
            String value = raw.get(key);
            if (value == null) {
                return null;
            }
            value = value.trim();
            return value.isEmpty() ? null : value;
        }

        String required(String key) throws ConfigurationException {
            String value = optional(key);
            if (value == null) {
                throw bad(key, "must not be empty");
            }
            return value;
        }

        void requireWith(String key, String what) throws ConfigurationException {
            if (optional(key) == null) {
                throw new ConfigurationException(key + " is required with " + what + " (it is not set)");
            }
        }

        boolean bool(String key) throws ConfigurationException {
            String value = required(key).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(key, "must be true or false");
            };
        }

        Duration duration(String key) throws ConfigurationException {
            String value = required(key);
            try {
                Duration d = Duration.parse(value);
                if (d.isNegative()) {
                    throw bad(key, "must not be negative");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw bad(key, "is not an ISO-8601 duration such as PT60S");
            }
        }

        /** An identity kind's label; config knows the three words, the identity package what they mean. */
        String kind(String key) throws ConfigurationException {
            String kind = required(key).trim().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw bad(key, "must be human, agent or service");
            }
            return kind;
        }

        List<String> list(String key) {
            String value = optional(key);
            if (value == null) {
                return List.of();
            }
            LinkedHashSet<String> items = new LinkedHashSet<>();
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
            return List.copyOf(items);
        }

        List<String> algorithms(String key) throws ConfigurationException {
            List<String> algorithms = list(key);
            if (algorithms.isEmpty()) {
                throw bad(key, "must name at least one algorithm");
            }
            for (String alg : algorithms) {
                if (!Keys.SUPPORTED_ALGORITHMS.contains(alg)) {
                    throw bad(key, "names " + alg + ", which is not an accepted asymmetric JWS algorithm "
                            + Keys.SUPPORTED_ALGORITHMS);
                }
            }
            return algorithms;
        }

        List<String> sinks(String key) throws ConfigurationException {
            List<String> sinks = new ArrayList<>();
            for (String sink : list(key)) {
                boolean ok = sink.equals("otel")
                        || (sink.startsWith("jsonl:") && sink.length() > "jsonl:".length())
                        || (sink.startsWith("jdbc:") && sink.length() > "jdbc:".length());
                if (!ok) {
                    throw bad(key, "has sink '" + sink + "'; use otel, jsonl:<path> or jdbc:<url>");
                }
                sinks.add(sink);
            }
            return sinks;
        }

        String store(String key) throws ConfigurationException {
            String value = required(key);
            if (!value.equals("memory") && !(value.startsWith("jdbc:") && value.length() > 5)) {
                throw bad(key, "must be memory or jdbc:<url>");
            }
            return value;
        }

        String url(String key) throws ConfigurationException {
            String value = optional(key);
            if (value == null) {
                return null;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw bad(key, "must be an http:// or https:// URL");
                }
                return value;
            } catch (URISyntaxException e) {
                throw bad(key, "is not a URL");
            }
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) throws ConfigurationException {
            String value = required(key);
            String constant = value.toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(constant)) {
                    return e;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw bad(key, "must be one of " + allowed);
        }

        SegmentPolicy segments() throws ConfigurationException {
            String rotate = required(Keys.AUDIT_ROTATE);
            String retain = required(Keys.AUDIT_RETAIN);
            String compress = required(Keys.AUDIT_COMPRESS);
            try {
                SegmentPolicy.parse(rotate, "all", "none");
            } catch (IllegalArgumentException e) {
                throw bad(Keys.AUDIT_ROTATE, e.getMessage());
            }
            try {
                SegmentPolicy.parse("never", retain, "none");
            } catch (IllegalArgumentException e) {
                throw bad(Keys.AUDIT_RETAIN, e.getMessage());
            }
            try {
                return SegmentPolicy.parse(rotate, retain, compress);
            } catch (IllegalArgumentException e) {
                throw bad(Keys.AUDIT_COMPRESS, e.getMessage());
            }
        }

        ConfigurationException bad(String key, String why) {
            String value = raw.get(key);
            String shown = key.equals(Keys.TOKEN) ? "<token>" : value;
            return new ConfigurationException("Invalid configuration " + key + "=" + shown + ": " + why);
        }
    }
}
