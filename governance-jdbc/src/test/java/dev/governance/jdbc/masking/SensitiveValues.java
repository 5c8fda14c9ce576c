package dev.governance.jdbc.masking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated sensitive values for the fuzz properties: what value detection must recognise. */
public final class SensitiveValues {
    private SensitiveValues() {
    }

    /** A Luhn-valid 16-digit card number. */
    public static Arbitrary<String> cards() {
        return Arbitraries.strings().numeric().ofLength(14).filter(body -> !body.matches(".*(\\d)\\1{3}.*")).map(body -> {
            String partial = "4" + body;
            int sum = 0;
            for (int i = 0; i < partial.length(); i++) {
                int d = partial.charAt(partial.length() - 1 - i) - '0';
                if (i % 2 == 0) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            return partial + ((10 - sum % 10) % 10);
        });
    }

    public static Arbitrary<String> emails() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(4).ofMaxLength(12),
                        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(4).ofMaxLength(10),
                        Arbitraries.of("com", "org", "net", "io"))
                .as((user, domain, tld) -> user + "." + user.charAt(0) + "x@" + domain + "." + tld);
    }
}
