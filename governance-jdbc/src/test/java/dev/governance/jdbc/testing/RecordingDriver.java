package dev.governance.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real driver stand-in for {@code jdbc:recording:<h2 url without jdbc:h2:>}: records the URL and Properties it
 * was given, then connects to H2, so tests can see exactly what the governed driver passed on.
 */
public final class RecordingDriver extends PrefixDriver {
    public static final RecordingDriver INSTANCE = new RecordingDriver();

    /** What one connect call received. */
    public record Call(String url, Properties properties) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    static {
        try {
            DriverManager.registerDriver(INSTANCE);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RecordingDriver() {
        super("jdbc:recording:");
    }

    public static void register() {
        // class initialisation registers it
    }

    public List<Call> calls() {
        return calls;
    }

    @Override
    protected Connection open(String url, String rest, Properties info) throws SQLException {
        Properties copy = new Properties();
        copy.putAll(info);
        calls.add(new Call(url, copy));
        return DriverManager.getConnection("jdbc:h2:" + rest, info);
    }
}
