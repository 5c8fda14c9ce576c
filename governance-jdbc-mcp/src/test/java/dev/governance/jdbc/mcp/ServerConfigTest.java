package dev.governance.jdbc.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {
    @TempDir
    Path dir;

    private Path file(String body) throws Exception {
        Path f = dir.resolve("gov.properties");
        Files.writeString(f, "governance.identity.subject=a\ngovernance.identity.allow-unverified=true\n"
                + "governance.audit.sinks=otel\n" + body);
        return f;
    }

    @Test
    void defaultsAre200RowsAnd64KB() throws Exception {
        ServerConfig c = ServerConfig.load("jdbc:governed:h2:mem:x", file(""));
        assertEquals(new ServerConfig.Limits(200, 65536), c.limits());
    }

    @Test
    void limitsComeFromTheSameFileTheDriverReads() throws Exception {
        ServerConfig c = ServerConfig.load("jdbc:governed:h2:mem:x",
                file("governance.mcp.max-rows=50\ngovernance.mcp.max-bytes=1MB\n"));
        assertEquals(new ServerConfig.Limits(50, 1 << 20), c.limits());
    }

    @Test
    void badValuesNameKeyAndValue() throws Exception {
        StartupException rows = assertThrows(StartupException.class,
                () -> ServerConfig.load("jdbc:governed:h2:mem:x", file("governance.mcp.max-rows=lots\n")));
        assertTrue(rows.getMessage().startsWith("governance.mcp.max-rows=lots"), rows.getMessage());
        StartupException bytes = assertThrows(StartupException.class,
                () -> ServerConfig.load("jdbc:governed:h2:mem:x", file("governance.mcp.max-bytes=0KB\n")));
        assertTrue(bytes.getMessage().startsWith("governance.mcp.max-bytes=0KB"), bytes.getMessage());
    }

    @Test
    void otherUnknownGovernanceKeysStillFailWithVG000() throws Exception {
        StartupException e = assertThrows(StartupException.class,
                () -> ServerConfig.load("jdbc:governed:h2:mem:x", file("governance.mcp.max-rowz=5\n")));
        assertTrue(e.getMessage().contains("governance.mcp.max-rowz") && e.getMessage().contains("VG000"), e.getMessage());
    }

    @Test
    void onlyGovernedUrls() {
        StartupException e = assertThrows(StartupException.class, () -> ServerConfig.load("jdbc:h2:mem:x", null));
        assertTrue(e.getMessage().contains("jdbc:governed:"), e.getMessage());
    }
}
