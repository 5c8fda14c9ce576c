package dev.governance.jdbc.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The one policy for caches keyed by a statement's normalized text or shape (the analyzer's parsed shapes, the
 * masking planner's plans, the recorder's audit shapes, the columns each shape reads): at most {@value #MAX_ENTRIES} entries each; texts longer than
 * {@value #MAX_TEXT_LENGTH} characters are never cached (one huge text must not crowd out the rest); hits and
 * misses counted per cache name, for benchmarks and tests ({@link #counts()}). Thread-safe.
 *
 * @param <K> the key: the normalized text and whatever else the cached value depends on
 * @param <V> the cached value (never null)
 */
public final class NormalizedTextCache<K, V> {
    public static final int MAX_ENTRIES = 10_000;
    public static final int MAX_TEXT_LENGTH = 10 * 1024;

    /** Hits and misses of every cache of one name, summed over the instances (one per set of settings). */
    public record Counts(long hits, long misses) {
    }

    private static final ConcurrentMap<String, Counters> COUNTERS = new ConcurrentHashMap<>();

    private final Cache<K, V> cache;
    private final Counters counters;

    private NormalizedTextCache(String name, Duration freshFor) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(MAX_ENTRIES);
        this.cache = freshFor == null ? builder.build() : builder.expireAfterWrite(freshFor).build();
        this.counters = COUNTERS.computeIfAbsent(name, n -> new Counters());
    }

    /** A cache whose values depend on the text alone (and its key): kept until crowded out. */
    public static <K, V> NormalizedTextCache<K, V> named(String name) {
        return new NormalizedTextCache<>(name, null);
    }

    /** A cache whose values also depend on the database's catalog, which may change: entries expire. */
    public static <K, V> NormalizedTextCache<K, V> expiring(String name, Duration freshFor) {
        return new NormalizedTextCache<>(name, freshFor);
    }

    /** Whether a value for this normalized text may be cached at all. */
    public static boolean cacheable(String normalizedText) {
        return normalizedText != null && normalizedText.length() <= MAX_TEXT_LENGTH;
    }

    /** The cached value, or null (counted as a miss). */
    public V getIfPresent(K key) {
        V value = cache.getIfPresent(key);
        (value == null ? counters.misses : counters.hits).increment();
        return value;
    }

    public void put(K key, V value) {
        cache.put(key, value);
    }

    /** The cached value, else the one {@code build} makes (cached). */
    public V get(K key, Function<? super K, ? extends V> build) {
        V value = getIfPresent(key);
        return value != null ? value : cache.get(key, build);
    }

    /** Drops every entry (what they depend on changed: DDL). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** How many entries are cached now. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /**
     * Hits and misses so far, by cache name ({@code analysis}, {@code masking-plan}, {@code audit-shape},
     * {@code column-reads}).
     */
    public static Map<String, Counts> counts() {
        Map<String, Counts> out = new TreeMap<>();
        COUNTERS.forEach((name, c) -> out.put(name, new Counts(c.hits.sum(), c.misses.sum())));
        return out;
    }

    private static final class Counters {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
    }
}
