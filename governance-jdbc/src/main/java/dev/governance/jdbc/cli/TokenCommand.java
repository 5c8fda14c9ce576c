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

/** {@code token mint} and {@code token keygen}: signing keys and signed tokens for local development. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Development keys and tokens.",
        subcommands = {TokenCommand.Mint.class, TokenCommand.Keygen.class})
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

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Writes a new private signing key (JWK) for token mint, and its public JWK set for"
                    + " governance.identity.jwks.")
    static final class Keygen implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "JWK-FILE", description = "where to write the private key")
        Path out;

        @Option(names = "--public", paramLabel = "JWKS-FILE", description = "where to write the public JWK set"
                + " (default: printed)")
        Path publicOut;

        @Option(names = "--alg", defaultValue = "ES256", paramLabel = "ALG",
                description = "ES256, RS256 or EdDSA (default ${DEFAULT-VALUE})")
        String algorithm;

        @Option(names = "--force", description = "overwrite existing files")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            java.io.PrintWriter err = spec.commandLine().getErr();
            JWK key;
            try {
                key = TokenMinter.generateKey(algorithm);
            } catch (IllegalArgumentException e) {
                err.println("--alg: " + e.getMessage());
                return 2;
            }
            for (Path p : publicOut == null ? List.of(out) : List.of(out, publicOut)) {
                if (!force && java.nio.file.Files.exists(p)) {
                    err.println(p + " exists; pass --force to overwrite it");
                    return 1;
                }
            }
            try {
                writePrivate(out, key.toJSONString());
                String jwks = TokenMinter.publicJwkSet(key);
                if (publicOut != null) {
                    java.nio.file.Files.writeString(publicOut, jwks + System.lineSeparator());
                    spec.commandLine().getOut().println("private key " + out + " (" + key.getKeyID() + ", "
                            + algorithm + "); public JWK set " + publicOut);
                } else {
                    spec.commandLine().getOut().println(jwks);
                }
                return 0;
            } catch (IOException e) {
                err.println("can't write the key: " + e.getMessage());
                return 1;
            }
        }

        /** Readable by its owner only where the file system has POSIX permissions. */
        private static void writePrivate(Path file, String json) throws IOException {
            java.nio.file.Files.deleteIfExists(file);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            try {
                java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                java.nio.file.Files.createFile(file);
            }
            java.nio.file.Files.writeString(file, json + System.lineSeparator());
        }
    }
}
