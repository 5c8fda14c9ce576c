package dev.governance.jdbc.console;

import dev.governance.jdbc.config.Settings;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code serve} runs with.
 *
 * @param store      the approval store: {@code jdbc:<url>}, as the driver's {@code governance.approval.store}
 * @param audit      the JSONL trail file, or a directory of trails, to show
 * @param http       where to listen
 * @param identity   how reviewers' tokens are verified (JWK set, issuer, audience, claims), as for a connection
 * @param databases  JDBC URLs (with credentials) of the databases whose requests' impact is shown
 * @param record     audit sinks the console records its decisions in ({@code approval-decided})
 * @param poll       how often the store is looked at for new requests
 * @param kinds      the kinds of identity that may sign in
 */
public record ConsoleConfig(String store, Path audit, InetSocketAddress http, Settings.IdentitySettings identity,
                            List<String> databases, List<String> record, Duration poll,
                            java.util.Set<dev.governance.jdbc.identity.IdentityKind> kinds) {
    public ConsoleConfig {
        kinds = java.util.Set.copyOf(kinds);
        databases = List.copyOf(databases);
        record = List.copyOf(record);
    }
}
