package dev.governance.jdbc.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ResultPlaceholdersTest {
    private final Masker masker = Masker.withKey("key-a-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8));

    /** Many more distinct values than slots, repeated in random order, in two strategies: always the Masker's text. */
    @Test
    void givesWhatTheMaskerGivesWhateverTheMemoHolds() {
        ResultPlaceholders p = new ResultPlaceholders(masker);
        Random random = new Random(7);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(i % 3 == 0 ? "User" + i + "@Example.com" : i % 3 == 1 ? "x" + i : "123-45-" + (1000 + i));
        }
        values.add("");
        values.add("\u0130lknur@\u00D6rnek.com.tr");
        MaskingStrategy[] strategies = MaskingStrategy.values();
        for (int i = 0; i < 20_000; i++) {
            String v = values.get(random.nextInt(random.nextBoolean() ? 8 : values.size()));
            MaskingStrategy s = strategies[random.nextInt(strategies.length)];
            assertEquals(masker.maskString(v, s), p.maskString(v, s), v + " " + s);
        }
    }

    @Test
    void aRepeatedValueIsHashedOnceAndHandedOutAsTheSameString() {
        ResultPlaceholders p = new ResultPlaceholders(masker);
        String first = p.maskString("bob@example.com", MaskingStrategy.EMAIL);
        assertEquals("<email:560da090>", first);
        assertSame(first, p.maskString(new String("bob@example.com"), MaskingStrategy.EMAIL));
        String token = p.maskString("bob@example.com", MaskingStrategy.HASH);
        assertEquals("tok_560da090a7fb9334", token, "the same value under another strategy is another entry");
        assertNotSame(first, p.maskString("Bob@example.com", MaskingStrategy.EMAIL), "another value: hashed anew");
        assertEquals(first, p.maskString("Bob@example.com", MaskingStrategy.EMAIL), "…to the same placeholder");
    }

    /** Unique values (an email per customer) never hit: the memo goes after a run of misses, the tokens stay right. */
    @Test
    void dropsTheMemoWhenValuesDoNotRepeat() {
        ResultPlaceholders repeating = new ResultPlaceholders(masker);
        ResultPlaceholders unique = new ResultPlaceholders(masker);
        for (int i = 0; i < 3 * ResultPlaceholders.GIVE_UP; i++) {
            repeating.maskString("user" + (i % 40) + "@example.com", MaskingStrategy.EMAIL);
            String v = "user" + i + "@example.com";
            assertEquals(masker.maskString(v, MaskingStrategy.EMAIL), unique.maskString(v, MaskingStrategy.EMAIL));
        }
        assertTrue(repeating.memoizing(), "40 values repeated: every lookup after the first 40 hits");
        assertFalse(unique.memoizing(), "no value seen twice");
        assertEquals("<email:560da090>", unique.maskString("bob@example.com", MaskingStrategy.EMAIL));
    }

    @Test
    void belongsToTheThreadThatMadeIt() throws Exception {
        ResultPlaceholders p = new ResultPlaceholders(masker);
        assertTrue(p.ownedByCurrentThread());
        assertFalse(CompletableFuture.supplyAsync(p::ownedByCurrentThread).get());
    }
}
