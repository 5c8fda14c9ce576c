package dev.governance.jdbc.config;

import dev.governance.jdbc.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    private static SettingsLoader loader(Map<String, String> system, Map<String, String> env) {
        return new SettingsLoader(system::get, env::get, "no-such-governance.properties");
    }

    private static SettingsLoader withClasspathDefaults() {
        return new SettingsLoader(k -> null, k -> null, "config/classpath-defaults.properties");
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void defaultsMatchTheContract() throws ConfigurationException {
        Settings s = loader(Map.of(), Map.of()).load(new Properties()).settings();
        assertEquals("production", s.environment());
        assertNull(s.policy());
        assertTrue(s.policyReload());
        assertEquals(List.of("RS256", "ES256", "EdDSA"), s.identity().algorithms());
        assertEquals(Duration.ofSeconds(60), s.identity().clockSkew());
        assertEquals("kind", s.identity().kindClaim());
        assertEquals("groups", s.identity().groupsClaim());
        assertEquals("agent", s.identity().defaultKind());
        assertEquals("agent", s.identity().kind());
        assertFalse(s.identity().allowUnverified());
        assertEquals(List.of("otel", "jsonl:governance-audit.jsonl"), s.audit().sinks());
        assertEquals(Settings.OnFailure.FAIL_CLOSED, s.audit().onFailure());
        assertFalse(s.audit().literals());
        assertEquals("memory", s.approval().store());
        assertEquals(Settings.ApprovalMode.FAIL, s.approval().mode());
        assertEquals(Duration.ofMinutes(2), s.approval().timeout());
        assertNull(s.approval().webhook());
        assertNull(s.maskingKeyFile());
        assertFalse(s.allowUnwrap());
    }

    @Test
    void connectPropertiesBeatTheFileWhichBeatsTheClasspathWhichBeatsDefaults() throws Exception {
        // config/classpath-defaults.properties (standing in for governance.properties) sets environment=classpath-env and approval.mode=wait.
        Path config = file("g.properties", "governance.environment=file-env\ngovernance.audit.literals=true\n");
        Settings fromClasspath = withClasspathDefaults().load(new Properties()).settings();
        assertEquals("classpath-env", fromClasspath.environment());
        assertEquals(Settings.ApprovalMode.WAIT, fromClasspath.approval().mode());

        Settings fromFile = withClasspathDefaults()
                .load(props("governance.config", config.toString())).settings();
        assertEquals("file-env", fromFile.environment());
        assertTrue(fromFile.audit().literals());
        assertEquals(Settings.ApprovalMode.WAIT, fromFile.approval().mode(), "classpath value not overridden by file");

        Settings fromConnect = withClasspathDefaults()
                .load(props("governance.config", config.toString(), "governance.environment", "connect-env")).settings();
        assertEquals("connect-env", fromConnect.environment());
        assertTrue(fromConnect.audit().literals());
    }

    @Test
    void configFileIsFoundThroughPropertiesThenSystemPropertyThenEnvironment() throws Exception {
        Path a = file("a.properties", "governance.environment=a\n");
        Path b = file("b.properties", "governance.environment=b\n");
        Path c = file("c.properties", "governance.environment=c\n");
        Map<String, String> system = Map.of("governance.config", b.toString());
        Map<String, String> env = Map.of("GOVERNANCE_CONFIG", c.toString());
        assertEquals("a", loader(system, env).load(props("governance.config", a.toString())).settings().environment());
        assertEquals("b", loader(system, env).load(new Properties()).settings().environment());
        assertEquals("c", loader(Map.of(), env).load(new Properties()).settings().environment());
    }

    @Test
    void classpathConfigLocation() throws Exception {
        Settings s = loader(Map.of(), Map.of())
                .load(props("governance.config", "classpath:config/staging.properties")).settings();
        assertEquals("staging", s.environment());
    }

    @Test
    void governanceKeysAreRemovedAndEverythingElsePassesThrough() throws Exception {
        Properties given = props("user", "app", "password", "pw", "sslmode", "require",
                "governance.environment", "dev", "governance.identity.subject", "me");
        SettingsLoader.Loaded loaded = loader(Map.of(), Map.of()).load(given);
        assertEquals(props("user", "app", "password", "pw", "sslmode", "require"), loaded.delegateProperties());
        assertEquals("dev", loaded.settings().environment());
        assertEquals(5, given.size(), "the caller's Properties are not modified");
    }

    @Test
    void equalConfigurationsGiveEqualSettings() throws Exception {
        Settings one = loader(Map.of(), Map.of()).load(props("governance.environment", "dev", "user", "a")).settings();
        Settings two = loader(Map.of(), Map.of()).load(props("governance.environment", "dev", "user", "b")).settings();
        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "governance.environmnet|dev",
            "governance.nope|x",
            "governance.policy.reload|yes",
            "governance.identity.algorithms|HS256",
            "governance.identity.algorithms|none",
            "governance.identity.algorithms|RS256,XX999",
            "governance.identity.clock-skew|60s",
            "governance.identity.clock-skew|-PT5S",
            "governance.identity.default-kind|robot",
            "governance.identity.kind|admin",
            "governance.identity.allow-unverified|1",
            "governance.audit.sinks|syslog",
            "governance.audit.sinks|otel,jsonl:",
            "governance.audit.on-failure|ignore",
            "governance.audit.literals|maybe",
            "governance.audit.rotate|256 furlongs",
            "governance.audit.rotate|0MB",
            "governance.audit.rotate|PT0S",
            "governance.audit.rotate|P1Y",
            "governance.audit.retain|0",
            "governance.audit.retain|forever",
            "governance.audit.retain|-3",
            "governance.audit.compress|zip",
            "governance.approval.store|redis://x",
            "governance.approval.mode|later",
            "governance.approval.timeout|2 minutes",
            "governance.approval.webhook|ftp://hooks.example/x",
            "governance.approval.webhook|not a url",
            "governance.allow-unwrap|sure",
            "governance.environment|' '",
            "governance.identity.kind-claim|' '",
    })
    void everyInvalidValueFailsWithVG000NamingTheKey(String key, String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> loader(Map.of(), Map.of()).load(props(key, value)));
        assertEquals("VG000", e.getSQLState());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void auditSegmentsParseSizesPeriodsCountsAndDurations() throws Exception {
        Settings d = loader(Map.of(), Map.of()).load(new Properties()).settings();
        assertEquals(dev.governance.jdbc.config.SegmentPolicy.DEFAULT, d.audit().segments());
        Properties p = new Properties();
        p.setProperty("governance.audit.rotate", "1GB,PT24H");
        p.setProperty("governance.audit.retain", "P90D");
        p.setProperty("governance.audit.compress", "none");
        dev.governance.jdbc.config.SegmentPolicy s = loader(Map.of(), Map.of()).load(p).settings().audit().segments();
        assertEquals(1L << 30, s.maxBytes());
        assertEquals(java.time.Duration.ofHours(24), s.period());
        assertEquals(java.time.Duration.ofDays(90), s.keepFor());
        assertEquals(false, s.gzip());
        p.setProperty("governance.audit.retain", "30");
        assertEquals(30, loader(Map.of(), Map.of()).load(p).settings().audit().segments().keepCount());
    }

    @Test
    void badValueInTheFileNamesTheKey() throws Exception {
        Path config = file("bad.properties", "governance.approval.timeout=soon\n");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> loader(Map.of(), Map.of()).load(props("governance.config", config.toString())));
        assertTrue(e.getMessage().contains("governance.approval.timeout=soon"), e.getMessage());
        Path unknown = file("unknown.properties", "governance.polcy=x.yaml\n");
        e = assertThrows(ConfigurationException.class,
                () -> loader(Map.of(), Map.of()).load(props("governance.config", unknown.toString())));
        assertTrue(e.getMessage().contains("governance.polcy"), e.getMessage());
    }

    @Test
    void unreadableConfigFileNamesKeyAndValue() {
        String missing = dir.resolve("missing.properties").toString();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> loader(Map.of(), Map.of()).load(props("governance.config", missing)));
        assertEquals("VG000", e.getSQLState());
        assertTrue(e.getMessage().contains("governance.config=" + missing), e.getMessage());
        e = assertThrows(ConfigurationException.class,
                () -> loader(Map.of(), Map.of()).load(props("governance.config", "classpath:nope.properties")));
        assertTrue(e.getMessage().contains("classpath:nope.properties"), e.getMessage());
    }

    @Test
    void tokenNeedsJwksIssuerAndAudience() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> loader(Map.of(), Map.of()).load(props("governance.identity.token", "abc")));
        assertTrue(e.getMessage().contains("governance.identity.jwks"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> loader(Map.of(), Map.of()).load(props(
                "governance.identity.token", "abc", "governance.identity.jwks", "k.json",
                "governance.identity.issuer", "iss")));
        assertTrue(e.getMessage().contains("governance.identity.audience"), e.getMessage());
    }

    @Test
    void tokenValueIsNeverEchoed() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> loader(Map.of(), Map.of()).load(props(
                "governance.identity.token", "secret.token.value", "governance.identity.token-file", "/x")));
        assertFalse(e.getMessage().contains("secret.token.value"), e.getMessage());
    }
}
