package dev.governance.jdbc.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The chain rule shared by the writer and the verifier. A line is
 * {@code CANONICAL-without-its-closing-brace + ,"hash":"<64 hex>"} + newline}, where CANONICAL is the
 * record's JSON without {@code hash} and ending with {@code "prevHash"}; and
 * {@code hash = hex(SHA-256(prevHash-as-ASCII-hex || CANONICAL-as-UTF-8))}. The first record of a file
 * has {@code prevHash} = 64 zeros ({@link #GENESIS}).
 *
 * <p>Working on the exact bytes of the line (not on a re-serialized tree) means any tool that can strip
 * a suffix and run SHA-256 can check the chain.
 */
public final class HashChain {
    public static final String GENESIS = "0".repeat(64);
    /** {@code ,"hash":"} */
    static final byte[] HASH_PREFIX = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    /** Bytes a line has after its canonical part (without the canonical's closing brace). */
    static final int SUFFIX_LENGTH = HASH_PREFIX.length + 64 + 2;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest digest;

    /** One per thread: MessageDigest is not thread-safe. */
    public HashChain() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** hash over prevHash and canonical[0, length). */
    public String hash(String prevHash, byte[] canonical, int length) {
        digest.reset();
        digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        digest.update(canonical, 0, length);
        return hex(digest.digest());
    }

    private final byte[] sha = new byte[32];

    /**
     * The same hash as {@link #hash(String, byte[], int)} with the previous hash and the result as 64 ASCII hex
     * bytes: the writer's form, which allocates nothing per record.
     */
    void hash(byte[] prevHex, byte[] canonical, int length, byte[] outHex) {
        digest.reset();
        digest.update(prevHex, 0, 64);
        digest.update(canonical, 0, length);
        try {
            digest.digest(sha, 0, sha.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 digest of 32 bytes", e);
        }
        for (int i = 0; i < sha.length; i++) {
            outHex[2 * i] = (byte) HEX[(sha[i] >> 4) & 0xf];
            outHex[2 * i + 1] = (byte) HEX[sha[i] & 0xf];
        }
    }

    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    static boolean isHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits a line (without its newline) into canonical bytes and claimed hash; null when the line does not
     * end with a well-formed {@code ,"hash":"<hex>"}} member.
     */
    static Split split(byte[] line, int offset, int length) {
        if (length < SUFFIX_LENGTH + 2) {
            return null;
        }
        int suffixStart = offset + length - SUFFIX_LENGTH;
        for (int i = 0; i < HASH_PREFIX.length; i++) {
            if (line[suffixStart + i] != HASH_PREFIX[i]) {
                return null;
            }
        }
        if (line[offset + length - 2] != '"' || line[offset + length - 1] != '}') {
            return null;
        }
        String hash = new String(line, suffixStart + HASH_PREFIX.length, 64, StandardCharsets.US_ASCII);
        if (!isHash(hash)) {
            return null;
        }
        int canonicalLength = length - SUFFIX_LENGTH;
        byte[] canonical = new byte[canonicalLength + 1];
        System.arraycopy(line, offset, canonical, 0, canonicalLength);
        canonical[canonicalLength] = '}';
        return new Split(canonical, hash);
    }

    record Split(byte[] canonical, String hash) {
    }
}
