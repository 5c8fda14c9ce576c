package dev.governance.jdbc.policy;

import java.util.Locale;

/**
 * A compiled glob: {@code *} matches any run of characters (also none), {@code ?} exactly one, everything else
 * itself. Matching is a two-pointer walk that remembers only the last {@code *} (no regex, no exponential
 * backtracking: at worst pattern length times text length), so it is safe on the per-statement path.
 */
public final class Glob {
    private final String pattern;
    private final char[] chars;
    private final boolean ignoreCase;
    private final boolean matchesAll;

    private Glob(String pattern, boolean ignoreCase) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        // Lower-cased once here, so matching lower-cases only the text side, char by char, without allocating.
        this.chars = (ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern).toCharArray();
        boolean all = chars.length > 0;
        for (char c : chars) {
            if (c != '*') {
                all = false;
                break;
            }
        }
        this.matchesAll = all;
    }

    /** A glob that ignores case (table, column, function and environment names). */
    public static Glob of(String pattern) {
        return new Glob(pattern, true);
    }

    /** A glob that compares case exactly (subjects: token subjects are case-sensitive strings). */
    public static Glob exact(String pattern) {
        return new Glob(pattern, false);
    }

    public String pattern() {
        return pattern;
    }

    /** True when the pattern is only {@code *}: it matches every text. */
    public boolean matchesAll() {
        return matchesAll;
    }

    public boolean matches(CharSequence text) {
        return text != null && matches(text, 0, text.length());
    }

    /** Matches the region {@code [from, to)} of {@code text}. */
    public boolean matches(CharSequence text, int from, int to) {
        if (matchesAll) {
            return true;
        }
        int t = from;
        int p = 0;
        int starP = -1;
        int starT = -1;
        char[] pat = chars;
        while (t < to) {
            if (p < pat.length) {
                char pc = pat[p];
                if (pc == '*') {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (pc == '?' || pc == fold(text.charAt(t))) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            // Let the last star swallow one more character and retry from just after it.
            p = starP + 1;
            t = ++starT;
        }
        while (p < pat.length && pat[p] == '*') {
            p++;
        }
        return p == pat.length;
    }

    private char fold(char c) {
        return ignoreCase ? Character.toLowerCase(c) : c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.pattern.equals(pattern) && g.ignoreCase == ignoreCase;
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + (ignoreCase ? 1 : 0);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
