package dev.governance.jdbc.trail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secrets the test fixtures hold, collected from the test sources themselves (every Java file and resource):
 * email addresses, US social security numbers, payment card numbers (Luhn-valid), IBANs (checksum-valid), JWTs,
 * and the fixtures' made-up tokens and secrets ({@code tkn_Q7vX93kLm2PzR4}, {@code fn-secret-7Qx2Lm9}). A new
 * fixture's secret is found without anyone listing it.
 */
final class FixtureSecrets {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SSN = Pattern.compile("(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9]{4}(?:[ -]?[0-9]){9,15}(?![0-9])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Z0-9])[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}(?![A-Z0-9])");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    /**
     * Made-up credentials: a whole quoted value (a Java string or a SQL literal) with a telling part and at least
     * three digits — {@code "tkn_Q7vX93kLm2PzR4"}, {@code 'tier-secret-4711'}; not a name such as a table
     * {@code secret_12345} inside a statement, which the trail rightly records.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<=([\"']))[A-Za-z0-9_-]*(?i:tkn|secret|sk_live|sk_test|ghp_|AKIA|xox[bp]|api[_-]?key)[A-Za-z0-9_-]*(?=\\1)");

    private FixtureSecrets() {
    }

    /** Every secret in the files under {@code testSources} (a module's {@code src/test}). */
    static Set<String> collect(Path testSources) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(testSources)) {
            files.filter(Files::isRegularFile).filter(FixtureSecrets::text).forEach(f -> {
                try {
                    out.addAll(in(Files.readString(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(f.toString(), e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean text(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".java") || n.endsWith(".sql") || n.endsWith(".yaml") || n.endsWith(".yml")
                || n.endsWith(".json") || n.endsWith(".properties") || n.endsWith(".txt") || n.endsWith(".csv");
    }

    /** The secrets in one text. */
    static Set<String> in(String text) {
        Set<String> out = new TreeSet<>();
        add(out, EMAIL.matcher(text), s -> true);
        add(out, SSN.matcher(text), s -> !s.startsWith("000") && !s.startsWith("666") && !s.startsWith("9"));
        add(out, CARD.matcher(text), s -> luhn(digits(s)));
        add(out, IBAN.matcher(text), FixtureSecrets::ibanValid);
        add(out, JWT.matcher(text), s -> true);
        add(out, TOKEN.matcher(text), s -> s.length() >= 10 && digitCount(s) >= 3);
        return out;
    }

    private static void add(Set<String> out, Matcher m, java.util.function.Predicate<String> valid) {
        while (m.find()) {
            String s = m.group();
            if (valid.test(s)) {
                out.add(s);
                String d = digits(s);
                if (!d.equals(s) && d.length() >= 9 && d.length() == s.replaceAll("[ -]", "").length()) {
                    out.add(d); // 4111 1111 1111 1111 is also looked for as 4111111111111111
                }
            }
        }
    }

    static String digits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int digitCount(String s) {
        return digits(s).length();
    }

    static boolean luhn(String digits) {
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0 && !digits.chars().allMatch(c -> c == digits.charAt(0));
    }

    private static boolean ibanValid(String iban) {
        String moved = iban.substring(4) + iban.substring(0, 4);
        int mod = 0;
        for (char c : moved.toCharArray()) {
            String part = Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10);
            for (char p : part.toCharArray()) {
                mod = (mod * 10 + (p - '0')) % 97;
            }
        }
        return mod == 1;
    }
}
