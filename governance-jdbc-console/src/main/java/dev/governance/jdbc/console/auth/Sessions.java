package dev.governance.jdbc.console.auth;

import dev.governance.jdbc.identity.Identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Signed-in sessions, in memory (a restart signs everyone out). Expired ones are dropped when met. */
public final class Sessions {
    /** Even a long-lived token signs a reviewer in for at most this long. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(8);
    static final int MAX_SESSIONS = 10_000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Session open(Identity identity) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> !s.expires().isAfter(now));
        }
        Instant end = now.plus(MAX_LIFETIME);
        if (identity.expiresAt() != null && identity.expiresAt().isBefore(end)) {
            end = identity.expiresAt();
        }
        Session session = new Session(Secrets.random(), identity, Secrets.random(), end);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id; an expired one is removed and not returned. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expires().isAfter(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
