package dev.governance.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for pools and frameworks that take one: the same governed connections as
 * {@link GovernedDriver}, configured with a {@code jdbc:governed:} URL and properties. A JavaBean: every setting has
 * a setter, so HikariCP's {@code dataSourceClassName} with {@code dataSource.*} properties and Spring's binding
 * configure it.
 */
public class GovernedDataSource implements DataSource {
    private final GovernedDriver driver = new GovernedDriver();
    private final Properties properties = new Properties();
    private volatile String url;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeout;

    public GovernedDataSource() {
    }

    public GovernedDataSource(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        put("user", user);
    }

    public void setPassword(String password) {
        put("password", password);
    }

    /** HikariCP's and Spring's name for the URL. */
    public void setJdbcUrl(String url) {
        setUrl(url);
    }

    /** Any property for the real driver, or a {@code governance.*} key. */
    public void setProperty(String name, String value) {
        put(name, value);
    }

    /** Spring Boot's name for the user. */
    public void setUsername(String user) {
        setUser(user);
    }

    /** {@code governance.config}: the properties file with the rest of the settings (file path or {@code classpath:}). */
    public void setConfig(String location) {
        put("governance.config", location);
    }

    // Every governance.* key as a bean property (identityTokenFile = governance.identity.token-file), so pools and
    // frameworks that configure a DataSource by its setters (HikariCP dataSourceClassName, Spring binding) can
    // set them. A bad value fails the first connect with VG000 naming the key, as it does on a URL.

    /** {@code governance.environment}: the environment's name ({@code production}, {@code staging}, …). */
    public void setEnvironment(String value) {
        put("governance.environment", value);
    }

    /** {@code governance.policy}: the policy document: file path or {@code classpath:}. */
    public void setPolicy(String value) {
        put("governance.policy", value);
    }

    /** {@code governance.policy.reload}: {@code true}/{@code false}: re-read the policy file when it changes. */
    public void setPolicyReload(String value) {
        put("governance.policy.reload", value);
    }

    /** {@code governance.identity.token}: the workload's JWT. */
    public void setIdentityToken(String value) {
        put("governance.identity.token", value);
    }

    /** {@code governance.identity.token-file}: a file holding the JWT, re-read when it changes. */
    public void setIdentityTokenFile(String value) {
        put("governance.identity.token-file", value);
    }

    /** {@code governance.identity.jwks}: the JWK set: file, {@code classpath:} or {@code https://} URL. */
    public void setIdentityJwks(String value) {
        put("governance.identity.jwks", value);
    }

    /** {@code governance.identity.issuer}: the required {@code iss}. */
    public void setIdentityIssuer(String value) {
        put("governance.identity.issuer", value);
    }

    /** {@code governance.identity.audience}: the required {@code aud}. */
    public void setIdentityAudience(String value) {
        put("governance.identity.audience", value);
    }

    /** {@code governance.identity.algorithms}: accepted JWS algorithms, comma-separated. */
    public void setIdentityAlgorithms(String value) {
        put("governance.identity.algorithms", value);
    }

    /** {@code governance.identity.clock-skew}: tolerance for {@code exp}/{@code nbf} (ISO-8601 duration). */
    public void setIdentityClockSkew(String value) {
        put("governance.identity.clock-skew", value);
    }

    /** {@code governance.identity.kind-claim}: the claim holding the kind. */
    public void setIdentityKindClaim(String value) {
        put("governance.identity.kind-claim", value);
    }

    /** {@code governance.identity.groups-claim}: the claim holding the groups. */
    public void setIdentityGroupsClaim(String value) {
        put("governance.identity.groups-claim", value);
    }

    /** {@code governance.identity.default-kind}: the kind when the token has none. */
    public void setIdentityDefaultKind(String value) {
        put("governance.identity.default-kind", value);
    }

    /** {@code governance.identity.subject}: a static identity (development only). */
    public void setIdentitySubject(String value) {
        put("governance.identity.subject", value);
    }

    /** {@code governance.identity.kind}: the static identity's kind. */
    public void setIdentityKind(String value) {
        put("governance.identity.kind", value);
    }

    /** {@code governance.identity.groups}: the static identity's groups, comma-separated. */
    public void setIdentityGroups(String value) {
        put("governance.identity.groups", value);
    }

    /** {@code governance.identity.allow-unverified}: {@code true} accepts a static identity. */
    public void setIdentityAllowUnverified(String value) {
        put("governance.identity.allow-unverified", value);
    }

    /** {@code governance.audit.sinks}: comma list of {@code otel}, {@code jsonl:<path>}, {@code jdbc:<url>}. */
    public void setAuditSinks(String value) {
        put("governance.audit.sinks", value);
    }

    /** {@code governance.audit.rotate}: start a new JSONL segment past a size or a period. */
    public void setAuditRotate(String value) {
        put("governance.audit.rotate", value);
    }

    /** {@code governance.audit.retain}: closed segments to keep (count, period or {@code all}). */
    public void setAuditRetain(String value) {
        put("governance.audit.retain", value);
    }

    /** {@code governance.audit.on-failure}: {@code fail-closed} or {@code fail-open}. */
    public void setAuditOnFailure(String value) {
        put("governance.audit.on-failure", value);
    }

    /** {@code governance.audit.literals}: keep literal values in recorded SQL. */
    public void setAuditLiterals(String value) {
        put("governance.audit.literals", value);
    }

    /** {@code governance.audit.compress}: {@code gzip} or {@code none}: compress closed JSONL segments. */
    public void setAuditCompress(String value) {
        put("governance.audit.compress", value);
    }

    /** {@code governance.mcp.max-rows}: rows the MCP server returns per query. */
    public void setMcpMaxRows(String value) {
        put("governance.mcp.max-rows", value);
    }

    /** {@code governance.mcp.max-bytes}: bytes the MCP server returns per query. */
    public void setMcpMaxBytes(String value) {
        put("governance.mcp.max-bytes", value);
    }

    /** {@code governance.audit.instance}: this instance's name in a shared {@code jdbc:} audit sink. */
    public void setAuditInstance(String value) {
        put("governance.audit.instance", value);
    }

    /** {@code governance.approval.store}: {@code memory} or {@code jdbc:<url>}. */
    public void setApprovalStore(String value) {
        put("governance.approval.store", value);
    }

    /** {@code governance.approval.mode}: {@code wait} or {@code fail}. */
    public void setApprovalMode(String value) {
        put("governance.approval.mode", value);
    }

    /** {@code governance.approval.timeout}: how long {@code wait} waits (ISO-8601 duration). */
    public void setApprovalTimeout(String value) {
        put("governance.approval.timeout", value);
    }

    /** {@code governance.approval.webhook}: URL that receives each new request. */
    public void setApprovalWebhook(String value) {
        put("governance.approval.webhook", value);
    }

    /** {@code governance.masking.key-file}: secret for deterministic tokens. */
    public void setMaskingKeyFile(String value) {
        put("governance.masking.key-file", value);
    }

    /** {@code governance.allow-unwrap}: allow {@code unwrap} to the real driver's objects. */
    public void setAllowUnwrap(String value) {
        put("governance.allow-unwrap", value);
    }

    /** {@code governance.delegate-driver}: class name of the real driver. */
    public void setDelegateDriver(String value) {
        put("governance.delegate-driver", value);
    }

    /** A null or blank value removes the setting (the next source decides). */
    private void put(String key, String value) {
        synchronized (properties) {
            if (value == null || value.isBlank()) {
                properties.remove(key);
            } else {
                properties.setProperty(key, value);
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(copy());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = copy();
        if (username != null) {
            p.setProperty("user", username);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return connect(p);
    }

    private Properties copy() {
        Properties p = new Properties();
        synchronized (properties) {
            p.putAll(properties);
        }
        return p;
    }

    private Connection connect(Properties p) throws SQLException {
        String target = url;
        if (target == null) {
            throw new ConfigurationException("GovernedDataSource has no url: set a jdbc:governed: URL");
        }
        Connection connection = driver.connect(target, p);
        if (connection == null) {
            throw new ConfigurationException("GovernedDataSource url=" + target + " does not start with "
                    + GovernedDriver.PREFIX);
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("governance-jdbc uses no java.util.logging logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("GovernedDataSource does not wrap " + iface, SqlStates.POLICY_DENIED);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
