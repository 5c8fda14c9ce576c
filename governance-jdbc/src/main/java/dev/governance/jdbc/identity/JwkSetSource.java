package dev.governance.jdbc.identity;

import com.nimbusds.jose.jwk.JWKSet;
import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.config.Keys;
import dev.governance.jdbc.config.Locations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;

/**
 * The JWK set of {@code governance.identity.jwks}: a file (re-read when it changes), a classpath resource
 * (read once) or an HTTPS URL (fetched lazily, again after {@code remoteJwksMaxAge}). An unknown kid may force a
 * reload, at most once per {@code jwksMinRefresh}. A reload that fails keeps the keys already known.
 * Thread-safe: reloads are serialised, readers see the current keys through a volatile field.
 */
final class JwkSetSource {
    private static final System.Logger LOG = System.getLogger(JwkSetSource.class.getName());
    private static final int SIZE_LIMIT = 1 << 20;
    private static final long FAILED_LOAD_RETRY_NANOS = 1_000_000_000L;

    /** Where the bytes come from; null from {@link #fetch()} means "unchanged since last time". */
    private interface Fetcher {
        byte[] fetch() throws IOException;
    }

    private final String location;
    private final Fetcher fetcher;
    private final ResolverTuning tuning;
    private final long recheckNanos;
    private volatile VerificationKeys keys;
    private volatile long nextRecheck;
    private long lastForced;
    private boolean forcedOnce;
    private volatile String lastFailure;

    private JwkSetSource(String location, Fetcher fetcher, ResolverTuning tuning, long recheckNanos) {
        this.location = location;
        this.fetcher = fetcher;
        this.tuning = tuning;
        this.recheckNanos = recheckNanos;
        this.nextRecheck = tuning.nanoTime().getAsLong(); // due at once
    }

    /** Opens the set; files and classpath resources are read now, so that a bad one fails with VG000. */
    static JwkSetSource open(String location, ResolverTuning tuning) throws ConfigurationException {
        String lower = location.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            URL url = remoteUrl(location);
            Duration timeout = tuning.remoteJwksTimeout();
            return new JwkSetSource(location, () -> fetchRemote(url, timeout), tuning,
                    tuning.remoteJwksMaxAge().toNanos());
        }
        JwkSetSource source;
        if (Locations.isClasspath(location)) {
            byte[] bytes = Locations.read(Keys.JWKS, location);
            boolean[] served = {false};
            source = new JwkSetSource(location, () -> {
                if (served[0]) {
                    return null;
                }
                served[0] = true;
                return bytes;
            }, tuning, Long.MAX_VALUE);
        } else {
            WatchedFile file;
            try {
                file = new WatchedFile(Locations.fileOf(location));
            } catch (java.nio.file.InvalidPathException e) {
                throw bad(location, "not a valid path (" + e.getMessage() + ")");
            }
            source = new JwkSetSource(location, file::readIfChanged, tuning, tuning.fileRecheck().toNanos());
        }
        synchronized (source) {
            try {
                source.load();
                source.nextRecheck = tuning.nanoTime().getAsLong() + Math.min(source.recheckNanos, Long.MAX_VALUE / 4);
            } catch (IOException e) {
                throw bad(location, "can't be read (" + e + ")");
            } catch (ParseException e) {
                throw bad(location, "is not a JWK set (" + e.getMessage() + ")");
            } catch (EmptySetException e) {
                throw bad(location, e.getMessage());
            }
        }
        return source;
    }

    String location() {
        return location;
    }

    /** The current keys, looking for changes when the re-check interval has passed. */
    VerificationKeys keys() throws IdentityException {
        VerificationKeys current = keys;
        if (current != null && tuning.nanoTime().getAsLong() - nextRecheck < 0) {
            return current;
        }
        return reload(false);
    }

    /** Called for a kid the set doesn't hold: reloads unless a forced reload happened very recently. */
    VerificationKeys refreshForUnknownKey() throws IdentityException {
        return reload(true);
    }

    private synchronized VerificationKeys reload(boolean forced) throws IdentityException {
        long now = tuning.nanoTime().getAsLong();
        if (forced) {
            if (forcedOnce && now - lastForced < tuning.jwksMinRefresh().toNanos()) {
                return keysOrFail();
            }
            forcedOnce = true;
            lastForced = now;
        } else if (now - nextRecheck < 0) {
            return keysOrFail(); // another thread reloaded while this one waited, or a failure backs off
        }
        try {
            load();
        } catch (IOException | ParseException | EmptySetException e) {
            lastFailure = e.getMessage();
            if (keys != null) {
                LOG.log(System.Logger.Level.WARNING, "JWK set {0}={1} could not be reloaded, keeping the keys "
                        + "already known: {2}", Keys.JWKS, location, e.getMessage());
            }
        }
        // With no keys at all, retry a failed load after a second rather than on every token.
        long wait = keys == null ? Math.min(recheckNanos, FAILED_LOAD_RETRY_NANOS) : recheckNanos;
        nextRecheck = now + Math.min(wait, Long.MAX_VALUE / 4);
        return keysOrFail();
    }

    private VerificationKeys keysOrFail() throws IdentityException {
        VerificationKeys current = keys;
        if (current == null) {
            throw new IdentityException("identity token rejected: the JWK set " + Keys.JWKS + "=" + location
                    + " is unavailable" + (lastFailure == null ? "" : " (" + lastFailure + ")"));
        }
        return current;
    }

    /** Must hold the monitor. */
    private void load() throws IOException, ParseException, EmptySetException {
        byte[] bytes = fetcher.fetch();
        if (bytes == null) {
            return;
        }
        VerificationKeys loaded = VerificationKeys.parse(new String(bytes, StandardCharsets.UTF_8));
        if (loaded.isEmpty()) {
            throw new EmptySetException("holds no usable public signature key"
                    + (loaded.skipped().isEmpty() ? "" : " " + loaded.skipped()));
        }
        for (String skipped : loaded.skipped()) {
            LOG.log(System.Logger.Level.WARNING, "JWK set {0}: {1}", location, skipped);
        }
        keys = loaded;
    }

    /**
     * One fetch, bounded as a whole by {@code timeout}: connecting, waiting for the answer and reading it (an endpoint
     * that answers one byte at a time can't hold a connect beyond it). Runs on a daemon thread that the caller stops
     * waiting for when the time is up (its socket reads end at their own timeout).
     */
    private static byte[] fetchRemote(URL url, Duration timeout) throws IOException {
        java.util.concurrent.FutureTask<byte[]> fetch = new java.util.concurrent.FutureTask<>(() -> {
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            try {
                return JWKSet.load(url, millis, millis, SIZE_LIMIT).toString(true).getBytes(StandardCharsets.UTF_8);
            } catch (ParseException e) {
                throw new IOException("not a JWK set: " + e.getMessage(), e);
            }
        });
        Thread fetcher = new Thread(fetch, "governance-jwks-fetch");
        fetcher.setDaemon(true);
        fetcher.start();
        try {
            return fetch.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            fetcher.interrupt(); // a blocked socket read ends at its own timeout; nobody waits for it any more
            throw new IOException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.SocketTimeoutException) {
                // the socket's own timeout (the same bound) may fire first on a busy machine: the same event, told alike
                throw new IOException("no complete answer within " + timeout.toMillis() + " ms", cause);
            }
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the JWK set", e);
        }
    }

    /** HTTPS only; plain HTTP is allowed for a loopback address (local development and tests). */
    private static URL remoteUrl(String location) throws ConfigurationException {
        try {
            URI uri = new URI(location);
            if (uri.getHost() == null) {
                throw bad(location, "has no host");
            }
            if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
                throw bad(location, "must be an https:// URL (plain http is accepted for localhost only)");
            }
            return uri.toURL();
        } catch (URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
            throw bad(location, "is not a valid URL (" + e.getMessage() + ")");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost: don't resolve it here
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ConfigurationException bad(String location, String why) {
        return new ConfigurationException(Keys.JWKS + "=" + location + ": " + why);
    }

    private static final class EmptySetException extends Exception {
        private static final long serialVersionUID = 1L;

        EmptySetException(String message) {
            super(message);
        }
    }
}
