package dev.governance.jdbc.policy;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.config.Keys;
import dev.governance.jdbc.config.Locations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Holds the current policy (and its engine) for one configuration and re-reads the policy file when it changes.
 *
 * <p>The hot path ({@link #engine()}) reads one volatile field and, at most once per check interval, lets one
 * caller compare the file's modification time and size; only a changed file is read and parsed, once it has stayed
 * unchanged for a whole interval (a file caught half-written is not taken while its writer is at it). A new version
 * that fails to load keeps the last good one in force and is reported through {@link #lastReloadError()} and the
 * {@link #onReloadError} listeners. Each policy that comes into force (the first included) goes to the
 * {@link #onLoaded} listeners, which the audit trail uses for its {@code policy-loaded} event. Listeners run on the
 * thread that noticed the change (a statement's thread): they should hand off, not work.
 */
public final class PolicyHolder {
    /** How often the file is looked at, at most. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final String location;
    private final Path file;
    private final long intervalNanos;
    private final AtomicLong nextCheck;
    private final List<Consumer<Policy>> loadedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> errorListeners = new CopyOnWriteArrayList<>();

    private volatile PolicyEngine engine;
    private volatile String lastReloadError;
    /** Modification time and size of the file as last read (good or bad), guarded by the check CAS. */
    private long seenModified;
    private long seenSize;
    /** The file's identity (device and inode on Unix): an atomic replace changes it even within one mtime tick. */
    private Object seenKey;
    private String seenSha;
    /** A change was seen at {@link #settlingSince} (nanos) and is taken once the file stays as it is for an interval. */
    private boolean settling;
    private long settlingSince;

    private PolicyHolder(String location, Policy initial, boolean reload, Duration interval, FileState state) {
        this.location = location;
        this.file = reload && location != null ? Locations.fileOf(location) : null;
        this.intervalNanos = Math.max(0, interval.toNanos());
        this.nextCheck = new AtomicLong(System.nanoTime() + intervalNanos);
        this.engine = new PolicyEngine(initial);
        this.seenSha = initial.sha256();
        if (state != null) {
            this.seenModified = state.modified;
            this.seenSize = state.size;
            this.seenKey = state.key;
        }
    }

    /**
     * The holder for {@code governance.policy} and {@code governance.policy.reload}: the baseline when
     * {@code location} is null or blank, else the policy there. A policy that can't be loaded fails with VG000
     * naming the key, the value and the line.
     */
    public static PolicyHolder open(String location, boolean reload) throws ConfigurationException {
        return open(location, reload, DEFAULT_CHECK_INTERVAL);
    }

    public static PolicyHolder open(String location, boolean reload, Duration checkInterval)
            throws ConfigurationException {
        if (location == null || location.isBlank()) {
            return baseline();
        }
        Policy policy;
        FileState before;
        try {
            // The file's state is taken before reading, so that a change during the read is seen next time.
            Path path = Locations.fileOf(location);
            before = path == null ? null : FileState.of(path);
            policy = PolicyLoader.load(location);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(Keys.POLICY + "=" + e.getMessage(), e);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigurationException(Keys.POLICY + "=" + location + ": not a valid path (" + e.getMessage() + ")", e);
        }
        return new PolicyHolder(location, policy, reload, checkInterval, before);
    }

    /** A holder of the built-in baseline, which never changes. */
    public static PolicyHolder baseline() {
        return new PolicyHolder(null, PolicyLoader.baseline(), false, Duration.ZERO, null);
    }

    /** A holder of a fixed policy (tests, the command line). */
    public static PolicyHolder of(Policy policy) {
        return new PolicyHolder(null, policy, false, Duration.ZERO, null);
    }

    /** The engine of the policy in force; looks at the file first when the check interval has passed. */
    public PolicyEngine engine() {
        if (file != null) {
            long now = System.nanoTime();
            long due = nextCheck.get();
            if (now - due >= 0 && nextCheck.compareAndSet(due, now + intervalNanos)) {
                look(now);
            }
        }
        return engine;
    }

    public Policy current() {
        return engine().policy();
    }

    /** The location this holder reads, or null for the baseline / a fixed policy. */
    public String location() {
        return location;
    }

    /** Why the last changed version of the file was not taken (null once a good version is loaded again). */
    public String lastReloadError() {
        return lastReloadError;
    }

    /** Calls {@code listener} now with the policy in force, then with each policy that comes into force. */
    public void onLoaded(Consumer<Policy> listener) {
        loadedListeners.add(listener);
        notify(listener, engine.policy());
    }

    /** Calls {@code listener} with the message of each reload that failed (the last good policy stays). */
    public void onReloadError(Consumer<String> listener) {
        errorListeners.add(listener);
    }

    /**
     * Looks at the file now, whatever the interval, and takes a changed version at once; returns true when a new
     * policy came into force. For tests and an administrative reload: the periodic look of {@link #engine()} waits
     * for a changed file to settle first.
     */
    public synchronized boolean check() {
        if (file == null) {
            return false;
        }
        FileState state = FileState.of(file);
        if (state == null) {
            return report(location + ": can't be read (the file is missing); keeping the policy loaded before");
        }
        if (!changed(state)) {
            return false;
        }
        settling = false;
        return load(state);
    }

    /**
     * The periodic look: a changed file is taken only once it has stayed the same (time, size, identity) for a whole
     * check interval, so that a file caught half-written — which may even parse, as {@code version: 1} without its
     * rules would — never comes into force while its writer is still at it.
     */
    private synchronized void look(long now) {
        FileState state = FileState.of(file);
        if (state == null) {
            report(location + ": can't be read (the file is missing); keeping the policy loaded before");
            return;
        }
        if (changed(state)) {
            if (intervalNanos > 0) {
                settling = true;
                settlingSince = now;
                seen(state);
                return;
            }
            load(state);
        } else if (settling && now - settlingSince >= intervalNanos) {
            settling = false;
            load(state);
        }
    }

    private boolean changed(FileState state) {
        return state.modified != seenModified || state.size != seenSize || !java.util.Objects.equals(state.key, seenKey);
    }

    private void seen(FileState state) {
        seenModified = state.modified;
        seenSize = state.size;
        seenKey = state.key;
    }

    private boolean load(FileState state) {
        seen(state);
        Policy next;
        try {
            byte[] bytes = PolicyLoader.read(location);
            String sha = PolicyLoader.sha256(bytes);
            if (sha.equals(seenSha) && lastReloadError == null) {
                return false; // touched, not changed
            }
            seenSha = sha;
            next = PolicyLoader.parse(location, bytes);
        } catch (ConfigurationException e) {
            return report(Keys.POLICY + "=" + e.getMessage() + "; keeping the policy loaded before");
        }
        engine = new PolicyEngine(next);
        lastReloadError = null;
        for (Consumer<Policy> l : loadedListeners) {
            notify(l, next);
        }
        return true;
    }

    private boolean report(String message) {
        boolean fresh = !message.equals(lastReloadError);
        lastReloadError = message;
        if (fresh) {
            for (Consumer<String> l : errorListeners) {
                try {
                    l.accept(message);
                } catch (RuntimeException ignored) {
                    // A listener's failure must not break statements.
                }
            }
        }
        return false;
    }

    private static void notify(Consumer<Policy> listener, Policy policy) {
        try {
            listener.accept(policy);
        } catch (RuntimeException ignored) {
            // A listener's failure must not break statements.
        }
    }

    private record FileState(long modified, long size, Object key) {
        static FileState of(Path path) {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return new FileState(a.lastModifiedTime().toMillis(), a.size(), a.fileKey());
            } catch (IOException e) {
                return null;
            }
        }
    }
}
