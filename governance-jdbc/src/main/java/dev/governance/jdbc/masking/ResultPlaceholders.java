package dev.governance.jdbc.masking;

/**
 * The placeholders of one result's masked text cells, for the one thread that reads them: that thread's
 * {@link PlaceholderWriter}, held here rather than looked up per cell, and the keyed placeholders ({@code email},
 * {@code hash}) of the last few distinct values, so that a value repeated down a result (a customer's email on each
 * of their orders) is hashed once and handed out as the same String. The memo is bounded (64 entries, replaced
 * slot by slot); a result whose values don't repeat stops using it after {@value #GIVE_UP} misses in a row, and
 * from then on costs nothing but the HMAC.
 *
 * <p>Never shared: {@link MaskedCells} makes another when a second thread reads the result, and its entries live
 * no longer than the result (whose driver holds the same values).
 */
final class ResultPlaceholders {
    private static final int SLOTS = 64;
    /** Misses in a row after which the memo is dropped for the rest of the result (its values don't repeat). */
    static final int GIVE_UP = 1024;

    private final Thread owner = Thread.currentThread();
    private final Masker masker;
    private final PlaceholderWriter writer;
    private String[] inputs;
    private String[] outputs;
    private MaskingStrategy[] strategies;
    private int misses;

    ResultPlaceholders(Masker masker) {
        this.masker = masker;
        this.writer = masker.writer();
    }

    /** True when the calling thread made this (and so alone may use it). */
    boolean ownedByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** As {@link Masker#maskString}: the same text for the same value and strategy. */
    String maskString(String value, MaskingStrategy strategy) {
        return switch (strategy) {
            case EMAIL, HASH -> keyed(value, strategy);
            case PARTIAL -> writer.partial(value);
            default -> masker.maskString(value, strategy);
        };
    }

    private String keyed(String value, MaskingStrategy strategy) {
        if (value.isEmpty() || misses >= GIVE_UP) {
            return hash(value, strategy);
        }
        if (inputs == null) {
            inputs = new String[SLOTS];
            outputs = new String[SLOTS];
            strategies = new MaskingStrategy[SLOTS];
        }
        int slot = slot(value, strategy);
        if (strategies[slot] == strategy && value.equals(inputs[slot])) {
            misses = 0;
            return outputs[slot];
        }
        if (++misses == GIVE_UP) {
            inputs = null; // no repeats so far: the values go, the HMAC alone remains
            outputs = null;
            strategies = null;
            return hash(value, strategy);
        }
        String masked = hash(value, strategy);
        inputs[slot] = value;
        outputs[slot] = masked;
        strategies[slot] = strategy;
        return masked;
    }

    /** False once the memo was dropped for values that don't repeat. */
    boolean memoizing() {
        return misses < GIVE_UP;
    }

    private String hash(String value, MaskingStrategy strategy) {
        return strategy == MaskingStrategy.EMAIL ? writer.email(value) : writer.token(value);
    }

    /**
     * A slot from every character (values such as {@code user17@example.com} differ in one or two), mixed by
     * rotation rather than multiplication: a miss costs a HMAC anyway, this costs a fraction of one.
     */
    private static int slot(String v, MaskingStrategy strategy) {
        int h = strategy.ordinal();
        for (int i = 0; i < v.length(); i++) {
            h = Integer.rotateLeft(h, 5) ^ v.charAt(i);
        }
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return h & (SLOTS - 1);
    }
}
