package dev.governance.jdbc.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UrlSanitizerTest {
    @Test
    void stripsCredentialsAndKeepsTheRest() {
        assertEquals("jdbc:postgresql://db.internal:5432/app?ssl=true",
                UrlSanitizer.sanitize("jdbc:postgresql://db.internal:5432/app?user=app&password=hunter2&ssl=true"));
        assertEquals("jdbc:postgresql://db/app", UrlSanitizer.sanitize("jdbc:postgresql://app:hunter2@db/app"));
        assertEquals("jdbc:mysql://h1,h2/db?useSSL=true",
                UrlSanitizer.sanitize("jdbc:mysql://root:pw@h1,h2/db?useSSL=true&PWD=pw"));
        assertEquals("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1",
                UrlSanitizer.sanitize("jdbc:h2:mem:orders;USER=sa;PASSWORD=secret;DB_CLOSE_DELAY=-1"));
        assertEquals("jdbc:sqlserver://db:1433;databaseName=app",
                UrlSanitizer.sanitize("jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=Secret1"));
        assertEquals("jdbc:oracle:thin:@//db:1521/svc", UrlSanitizer.sanitize("jdbc:oracle:thin:scott/tiger@//db:1521/svc"));
        assertEquals("jdbc:snowflake://acct.snowflakecomputing.com/?db=x",
                UrlSanitizer.sanitize("jdbc:snowflake://acct.snowflakecomputing.com/?db=x&token=abc&private_key_secret=s"));
        assertEquals("jdbc:h2:mem:orders", UrlSanitizer.sanitize("jdbc:h2:mem:orders"));
        assertNull(UrlSanitizer.sanitize(null));
    }

    @Test
    void databaseRecordAlwaysSanitizes() {
        assertEquals("jdbc:postgresql://db/app", new AuditEvent.Database("PostgreSQL", "jdbc:postgresql://u:p@db/app").url());
    }
}
