package dev.governance.jdbc.console;

import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.identity.IdentityKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve --store URL --audit FILE-OR-DIR [--http HOST:PORT]}: the review console, until the process is stopped.
 * Exit 1 when it can't start (store unreachable, JWK set unreadable, port taken), 2 on bad usage.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the review console: pending approvals with their impact, and the audit trail.")
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "URL",
            description = "the approval store: jdbc:<url>, as in governance.approval.store")
    String store;

    @Option(names = "--audit", required = true, paramLabel = "FILE-OR-DIR",
            description = "the JSONL audit trail to show (its rotated segments beside it), or a directory of trails")
    Path audit;

    @Option(names = "--http", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "where to listen (default ${DEFAULT-VALUE}; port 0 picks a free one)")
    String http;

    @Option(names = "--jwks", required = true, paramLabel = "JWKS",
            description = "JWK set reviewers' tokens are verified with: file, classpath: or https:// URL")
    String jwks;

    @Option(names = "--issuer", required = true, paramLabel = "ISS", description = "required iss of reviewers' tokens")
    String issuer;

    @Option(names = "--audience", required = true, paramLabel = "AUD", description = "required aud of reviewers' tokens")
    String audience;

    @Option(names = "--groups-claim", defaultValue = "groups", paramLabel = "CLAIM",
            description = "claim holding groups (default ${DEFAULT-VALUE})")
    String groupsClaim;

    @Option(names = "--kind-claim", defaultValue = "kind", paramLabel = "CLAIM",
            description = "claim holding the kind (default ${DEFAULT-VALUE})")
    String kindClaim;

    @Option(names = "--database", paramLabel = "JDBC-URL",
            description = "a database requests are made on (with credentials), to show each request's impact; repeatable")
    List<String> databases = new ArrayList<>();

    @Option(names = "--record", split = ",", paramLabel = "SINKS",
            description = "audit sinks for the console's decisions (as governance.audit.sinks); default"
                    + " jsonl:governance-console.jsonl in the audit directory")
    List<String> record = new ArrayList<>();

    @Option(names = "--sign-in-kinds", split = ",", defaultValue = "human", paramLabel = "KINDS",
            description = "kinds of identity that may sign in (default ${DEFAULT-VALUE}; e.g. human,service)")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--poll", defaultValue = "PT0.5S", paramLabel = "DURATION",
            description = "how often the store is looked at for new requests (default ${DEFAULT-VALUE})")
    Duration poll;

    /** Tests stop a running console through this; null in normal runs. */
    static volatile java.util.function.Consumer<ConsoleServer> started;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleConfig config = config();
        ConsoleServer server;
        try {
            server = ConsoleServer.start(config, err);
        } catch (SQLException | java.io.IOException e) {
            err.println("serve: can't start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "console-shutdown"));
        out.println("review console on " + server.uri() + " (store " + config.store().replaceAll("(?i)(password=)[^&;]*", "$1***")
                + ", audit " + config.audit() + ")");
        out.flush();
        if (started != null) {
            started.accept(server);
        }
        stopped.await();
        return 0;
    }

    ConsoleConfig config() {
        if (store == null || !store.startsWith("jdbc:") || store.startsWith("jdbc:governed:")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--store must be the jdbc:<url> of the approval store, not " + store);
        }
        if (!Files.exists(audit)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--audit " + audit + " does not exist");
        }
        Path dir = Files.isDirectory(audit) ? audit : audit.toAbsolutePath().getParent();
        List<String> sinks = record.isEmpty() ? List.of("jsonl:" + dir.resolve("governance-console.jsonl")) : record;
        Settings.IdentitySettings identity = Settings.IdentitySettings.verifying(null, jwks, issuer, audience,
                kindClaim, groupsClaim);
        java.util.Set<IdentityKind> admitted = new java.util.HashSet<>();
        for (String kind : kinds) {
            IdentityKind k = IdentityKind.parse(kind);
            if (k == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sign-in-kinds: unknown kind " + kind
                        + " (human, agent, service)");
            }
            admitted.add(k);
        }
        return new ConsoleConfig(store, audit, address(http), identity, databases, sinks, poll, admitted);
    }

    private InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--http wants HOST:PORT, not " + hostPort);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--http wants HOST:PORT, not " + hostPort);
        }
    }
}
