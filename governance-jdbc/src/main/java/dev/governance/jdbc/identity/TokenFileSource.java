package dev.governance.jdbc.identity;

import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.config.Keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * {@code governance.identity.token-file}: a rotating token. The file is looked at (mtime, size) at most once
 * per re-check interval, so a statement usually costs two time reads and a field read. A changed file is
 * read and verified; a token that fails (bad, expired, not yet valid) is tried again at each re-check.
 * While the file is missing or empty (a rotation in progress) the last good token is kept until it expires.
 */
final class TokenFileSource implements IdentitySource {
    /** What the file last gave: a verified token, or why not. Immutable, swapped whole. */
    private record State(VerifiedToken verified, String token, String failure) {
    }

    private final WatchedFile file;
    private final String location;
    private final TokenCheck check;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final long recheckNanos;
    private volatile State state;
    private volatile long nextCheck;

    TokenFileSource(String location, TokenCheck check, Clock clock, LongSupplier nanoTime, long recheckNanos) {
        this.location = location;
        this.file = new WatchedFile(Path.of(location));
        this.check = check;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.recheckNanos = recheckNanos;
        this.nextCheck = nanoTime.getAsLong(); // due at once
        this.state = new State(null, null, "no identity: " + Keys.TOKEN_FILE + "=" + location + " not read yet");
    }

    @Override
    public Identity current() throws IdentityException {
        if (nanoTime.getAsLong() - nextCheck >= 0) {
            recheck();
        }
        State s = state;
        VerifiedToken v = s.verified;
        if (v == null) {
            throw new IdentityException(s.failure);
        }
        if (v.expiredAt(clock.millis())) {
            throw Rejections.rejected("token expired at " + v.identity().expiresAt() + " (waiting for a fresh "
                    + "token in " + Keys.TOKEN_FILE + "=" + location + ")");
        }
        return v.identity();
    }

    private synchronized void recheck() {
        long now = nanoTime.getAsLong();
        if (now - nextCheck < 0) {
            return; // another thread just did it
        }
        try {
            byte[] changed = file.readIfChanged();
            State s = state;
            if (changed != null) {
                String token = new String(changed, StandardCharsets.UTF_8).strip();
                state = token.isEmpty() ? unreadable(s, "is empty") : verify(token);
            } else if (s.failure != null && s.token != null) {
                state = verify(s.token); // time passes (nbf) and keys rotate: a failed token may pass later
            }
        } catch (IOException | RuntimeException e) {
            state = unreadable(state, "can't be read (" + e + ")");
        }
        nextCheck = now + recheckNanos;
    }

    private State verify(String token) {
        try {
            return new State(check.verify(token), token, null);
        } catch (IdentityException e) {
            return new State(null, token, e.getMessage());
        }
    }

    /** Keeps a still-valid token through a rotation that briefly leaves no file. */
    private State unreadable(State previous, String why) {
        if (previous.verified != null && !previous.verified.expiredAt(clock.millis())) {
            return previous;
        }
        return new State(null, null, "no identity: " + Keys.TOKEN_FILE + "=" + location + " " + why);
    }
}
