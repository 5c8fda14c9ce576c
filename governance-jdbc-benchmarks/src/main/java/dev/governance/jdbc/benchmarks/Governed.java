package dev.governance.jdbc.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.TokenMinter;
import dev.governance.jdbc.sql.NormalizedTextCache;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The governed contenders' configuration, as users write it: a verified JWT (EC key, JWK set file), the
 * baseline policy plus a {@code max-rows} rule for agents' changes, and the default sinks {@code otel,jsonl:…}
 * into a directory of this trial. {@link #checkTrail(long)} proves afterwards that the trail holds its records.
 */
final class Governed implements AutoCloseable {
    static final String ISSUER = "https://issuer.bench.example";
    static final String AUDIENCE = "governance-jdbc";
    static final int MAX_ROWS = 100;

    private final Path directory;
    private final Path trail;
    private final Path jwks;
    private final Path policy;
    private final ECKey key;

    Governed() {
        try {
            directory = Files.createTempDirectory("governance-bench-");
            trail = directory.resolve("governance-audit.jsonl");
            key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
            jwks = directory.resolve("jwks.json");
            Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
            policy = directory.resolve("policy.yaml");
            Files.writeString(policy, policyText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The baseline policy with one more rule: an agent's UPDATE or DELETE may change at most 100 rows. */
    private static String policyText() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode root;
        try (InputStream in = Governed.class.getResourceAsStream("/dev/governance/jdbc/policy/baseline.yaml")) {
            root = (ObjectNode) yaml.readTree(in);
        }
        ObjectNode rule = ((ArrayNode) root.get("rules")).addObject();
        rule.put("id", "agent-small-blast-radius");
        ObjectNode when = rule.putObject("when");
        when.put("identity", "agents");
        when.putArray("statement").add("UPDATE").add("DELETE");
        rule.put("max-rows", MAX_ROWS);
        return yaml.writeValueAsString(root);
    }

    String token(String subject, boolean agent) {
        return TokenMinter.mint(key, ISSUER, AUDIENCE, subject, agent ? IdentityKind.AGENT : IdentityKind.SERVICE,
                List.of(), Duration.ofHours(12), null);
    }

    Properties properties(boolean agent) {
        Properties p = new Properties();
        p.setProperty("governance.identity.token", token(agent ? "bench-agent" : "bench-service", agent));
        p.setProperty("governance.identity.jwks", jwks.toString());
        p.setProperty("governance.identity.issuer", ISSUER);
        p.setProperty("governance.identity.audience", AUDIENCE);
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.audit.sinks", "otel,jsonl:" + trail);
        return p;
    }

    /**
     * Waits (up to 60 s) until the trail's files hold at least {@code statements} records, else fails the trial:
     * a benchmark of a driver that silently stopped recording would measure the wrong thing.
     */
    void checkTrail(long statements) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long records = records();
        while (records < statements && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            records = records();
        }
        System.out.printf("%naudit trail: %,d records for %,d statements (%s)%n", records, statements, directory);
        // a repeated statement should be a cache hit everywhere: misses that grow with the run are a regression
        System.out.printf("normalized-text caches: %s%n", NormalizedTextCache.counts());
        if (records < statements) {
            throw new IllegalStateException("the audit trail holds " + records + " records for " + statements
                    + " statements: the governed driver ran statements it did not record");
        }
    }

    /**
     * Lines in every segment of the trail (rotated and compressed ones too). The housekeeper compresses closed
     * segments meanwhile: a plain segment whose {@code .gz} is in place is counted once, and a segment that
     * disappears while being read (compressed and removed) means counting again.
     */
    private long records() {
        for (int attempt = 1; ; attempt++) {
            try {
                return countRecords();
            } catch (java.nio.file.NoSuchFileException e) {
                if (attempt == 10) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private long countRecords() throws java.nio.file.NoSuchFileException {
        try (Stream<Path> files = Files.list(directory)) {
            long n = 0;
            List<Path> segments = files.filter(f -> f.getFileName().toString().startsWith("governance-audit")
                    && (f.toString().endsWith(".jsonl") || f.toString().endsWith(".jsonl.gz"))).toList();
            for (Path f : segments) {
                if (!segments.contains(f.resolveSibling(f.getFileName() + ".gz"))) {
                    n += lines(f);
                }
            }
            return n;
        } catch (java.nio.file.NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            byte[] buffer = new byte[1 << 16];
            long n = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    /** Deletes the trial's trail (hundreds of MB after an ad-hoc run). */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
