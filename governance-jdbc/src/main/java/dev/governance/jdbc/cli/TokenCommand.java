package dev.governance.jdbc.cli;

import com.nimbusds.jose.jwk.JWK;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.TokenMinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code token mint}: a signed token for local development. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Development tokens.",
        subcommands = {TokenCommand.Mint.class})
final class TokenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "mint", mixinStandardHelpOptions = true,
            description = "Prints a signed JWT for local development (the key's public part goes in governance.identity.jwks).")
    static final class Mint implements Callable<Integer> {
        @Option(names = "--key", required = true, paramLabel = "JWK-FILE", description = "private JWK (RSA, EC P-256, Ed25519)")
        Path key;

        @Option(names = "--sub", required = true, paramLabel = "S", description = "subject")
        String subject;

        @Option(names = "--kind", required = true, paramLabel = "K", description = "human, agent or service")
        String kind;

        @Option(names = "--groups", split = ",", paramLabel = "G", description = "groups, comma-separated")
        List<String> groups = new ArrayList<>();

        @Option(names = "--ttl", defaultValue = "PT1H", paramLabel = "DURATION", description = "lifetime (default ${DEFAULT-VALUE})")
        String ttl;

        @Option(names = "--act", paramLabel = "ACTOR", description = "RFC 8693 actor: the agent acting on behalf of --sub")
        String actor;

        @Option(names = "--iss", defaultValue = "governance-jdbc-dev", description = "issuer (default ${DEFAULT-VALUE})")
        String issuer;

        @Option(names = "--aud", defaultValue = "governance-jdbc", description = "audience (default ${DEFAULT-VALUE})")
        String audience;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            IdentityKind identityKind = IdentityKind.parse(kind);
            if (identityKind == null) {
                spec.commandLine().getErr().println("--kind must be human, agent or service, not " + kind);
                return 2;
            }
            Duration lifetime;
            try {
                lifetime = Duration.parse(ttl);
            } catch (DateTimeParseException e) {
                spec.commandLine().getErr().println("--ttl must be an ISO-8601 duration such as PT1H, not " + ttl);
                return 2;
            }
            try {
                JWK jwk = TokenMinter.loadPrivateKey(key);
                spec.commandLine().getOut().println(TokenMinter.mint(jwk, issuer, audience, subject, identityKind, groups,
                        lifetime, actor));
                return 0;
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("can't mint a token with " + key + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
