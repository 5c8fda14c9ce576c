package dev.governance.jdbc.masking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds sensitive values in text, also inside free text: e-mail addresses, phone numbers, US SSNs, payment
 * cards (Luhn), IBANs (mod-97), JWTs, AWS / GitHub / GitLab / Slack / Google / Stripe keys and private key
 * blocks.
 *
 * <p>Cheap by construction, the way gitleaks picks its rules: one pass over the text counts digits and looks
 * for the few characters and literal keywords that every detector needs ({@code @}, {@code +}, {@code eyJ},
 * {@code AKIA}, {@code ghp_}, {@code -----BEGIN}, two capitals followed by two digits…). Only the detectors
 * whose trigger was seen run at all, so innocent values ({@code "shipped"}, {@code "42"},
 * {@code "2026-11-25"}) leave after that pass without allocating. All matchers are hand-written (no regex,
 * hence no backtracking) and allocate only when they find something. Checksums (Luhn, IBAN mod-97, SSN area
 * rules) and word boundaries keep order ids, timestamps, UUIDs and version strings out.
 *
 * <p>Deliberately conservative, so that masking free text doesn't destroy it: bare 9- or 10-digit numbers
 * are not taken for SSNs or phone numbers (only the {@code 123-45-6789} / {@code +1 415 555 0123} /
 * {@code (415) 555-0123} shapes are); a column whose name says it holds them is masked by name instead.
 */
public final class ValueScanner {
    static final int EMAIL = 1;
    static final int PHONE = 1 << 1;
    static final int SSN = 1 << 2;
    static final int CARD = 1 << 3;
    static final int IBAN = 1 << 4;
    static final int JWT = 1 << 5;
    static final int AWS = 1 << 6;
    static final int GITHUB = 1 << 7;
    static final int GITLAB = 1 << 8;
    static final int SLACK = 1 << 9;
    static final int GOOGLE = 1 << 10;
    static final int STRIPE = 1 << 11;
    static final int PRIVATE_KEY = 1 << 12;

    private static final String[] AWS_PREFIXES = {"AKIA", "ASIA", "ABIA", "ACCA"};
    private static final String[] GITHUB_PREFIXES = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
    private static final String[] SLACK_PREFIXES = {"xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"};
    private static final String[] STRIPE_PREFIXES = {"sk_live_", "sk_test_", "rk_live_", "rk_test_"};
    /** IBAN length by country code (index (c1-'A')*26 + (c2-'A')); 0: not an IBAN country. */
    private static final byte[] IBAN_LENGTH = new byte[26 * 26];

    static {
        String table = "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27DK18DO28EE20EG29"
                + "ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20LB28LC32"
                + "LI21LT20LU20LV21LY25MC27MD24ME22MK19MN20MR27MT31MU30NI28NL18NO15OM23PK24PL28PS29PT25QA29RO24"
                + "RS22RU33SA24SC31SD18SE24SI19SK24SM27SO23ST25SV28TL23TN24TR26UA29VA22VG24XK20";
        for (int i = 0; i < table.length(); i += 4) {
            IBAN_LENGTH[(table.charAt(i) - 'A') * 26 + table.charAt(i + 1) - 'A'] =
                    (byte) Integer.parseInt(table.substring(i + 2, i + 4));
        }
    }

    private ValueScanner() {
    }

    /**
     * The kind of a value that is, blanks aside, one sensitive value and nothing else (for classifying a
     * column from sampled rows), or null.
     */
    public static SensitiveKind kindOfWholeValue(String value) {
        List<ValueMatch> matches = scan(value);
        if (matches.size() != 1) {
            return null;
        }
        ValueMatch m = matches.get(0);
        for (int i = 0; i < value.length(); i++) {
            if ((i < m.start() || i >= m.end()) && !Character.isWhitespace(value.charAt(i))) {
                return null;
            }
        }
        return m.kind();
    }

    /** True when {@link #scan} would find something. */
    public static boolean containsSensitive(String text) {
        return !scan(text).isEmpty();
    }

    /**
     * Every sensitive value in the text, ordered by position, never overlapping: a match inside another is
     * dropped, two partly overlapping matches become one span of the earlier one's kind (so nothing detected
     * is left visible). An empty immutable list, allocated once, when none.
     */
    public static List<ValueMatch> scan(String text) {
        if (text == null || text.length() < 6) {
            return List.of(); // the shortest value we detect (a@b.co) has 6 characters
        }
        int detectors = prefilter(text);
        if (detectors == 0) {
            return List.of();
        }
        List<ValueMatch> found = null; // allocated by the first match only
        if ((detectors & PRIVATE_KEY) != 0) {
            found = privateKeys(text, found);
        }
        if ((detectors & EMAIL) != 0) {
            found = emails(text, found);
        }
        if ((detectors & JWT) != 0) {
            found = jwts(text, found);
        }
        if ((detectors & AWS) != 0) {
            for (String p : AWS_PREFIXES) {
                found = fixedToken(text, p, 16, found);
            }
        }
        if ((detectors & GITHUB) != 0) {
            for (String p : GITHUB_PREFIXES) {
                found = prefixedToken(text, p, 36, false, false, found);
            }
            found = prefixedToken(text, "github_pat_", 22, true, false, found);
        }
        if ((detectors & GITLAB) != 0) {
            found = prefixedToken(text, "glpat-", 20, true, true, found);
        }
        if ((detectors & SLACK) != 0) {
            for (String p : SLACK_PREFIXES) {
                found = prefixedToken(text, p, 10, false, true, found);
            }
        }
        if ((detectors & GOOGLE) != 0) {
            found = prefixedToken(text, "AIza", 35, true, true, found);
        }
        if ((detectors & STRIPE) != 0) {
            for (String p : STRIPE_PREFIXES) {
                found = prefixedToken(text, p, 10, false, false, found);
            }
        }
        if ((detectors & IBAN) != 0) {
            found = ibans(text, found);
        }
        if ((detectors & CARD) != 0) {
            found = cards(text, found);
        }
        if ((detectors & SSN) != 0) {
            found = ssns(text, found);
        }
        if ((detectors & PHONE) != 0) {
            found = phones(text, found);
        }
        return result(found);
    }

    /**
     * The single cheap pass: which detectors can possibly match. 0 for almost every innocent value.
     * No allocation: only primitive locals and {@link String#startsWith(String, int)}.
     */
    /** The ASCII characters the pre-filter looks at: digits and the first characters of what it looks for. */
    private static final boolean[] NOTABLE = new boolean[128];

    static {
        for (char c : "0123456789@+eAgxsr-".toCharArray()) {
            NOTABLE[c] = true;
        }
    }

    static int prefilter(String text) {
        int n = text.length();
        int digits = 0;
        int flags = 0;
        boolean plus = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128 && !NOTABLE[c]) {
                continue; // most characters of most values: one table look-up
            }
            if (c >= '0' && c <= '9') {
                digits++;
                if (i >= 3 && isDigit(text.charAt(i - 1)) && isUpper(text.charAt(i - 2))
                        && isUpper(text.charAt(i - 3))) {
                    flags |= IBAN;
                }
                continue;
            }
            // each keyword is tried only when the character after its first one fits (common letters of free text
            // such as e, s and r rarely do), so most notable characters cost one more character read
            switch (c) {
                case '@' -> flags |= EMAIL;
                case '+' -> plus = true;
                case 'e' -> {
                    if (next(text, i) == 'y' && text.startsWith("eyJ", i)) {
                        flags |= JWT;
                    }
                }
                case 'A' -> {
                    char d = next(text, i);
                    if (d == 'K' || d == 'S' || d == 'B' || d == 'C') {
                        if (text.startsWith("AKIA", i) || text.startsWith("ASIA", i) || text.startsWith("ABIA", i)
                                || text.startsWith("ACCA", i)) {
                            flags |= AWS;
                        }
                    } else if (d == 'I' && text.startsWith("AIza", i)) {
                        flags |= GOOGLE;
                    }
                }
                case 'g' -> {
                    char d = next(text, i);
                    if (d == 'h' && i + 3 < n && text.charAt(i + 3) == '_'
                            || d == 'i' && text.startsWith("github_pat_", i)) {
                        flags |= GITHUB;
                    } else if (d == 'l' && text.startsWith("glpat-", i)) {
                        flags |= GITLAB;
                    }
                }
                case 'x' -> {
                    if (next(text, i) == 'o' && text.startsWith("xox", i) && i + 4 < n && text.charAt(i + 4) == '-') {
                        flags |= SLACK;
                    }
                }
                case 's', 'r' -> {
                    if (next(text, i) == 'k' && i + 2 < n && text.charAt(i + 2) == '_') {
                        flags |= STRIPE;
                    }
                }
                case '-' -> {
                    if (next(text, i) == '-' && text.startsWith("-----BEGIN", i)) {
                        flags |= PRIVATE_KEY;
                    }
                }
                default -> {
                }
            }
        }
        if (digits >= 9) {
            flags |= SSN;
        }
        if (digits >= 10 || plus && digits >= 8) {
            flags |= PHONE;
        }
        if (digits >= 12) {
            flags |= CARD;
        }
        return flags;
    }

    /** The character after {@code i}, or 0 at the end. */
    private static char next(String text, int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : 0;
    }

    // ---------------------------------------------------------------- detectors

    private static List<ValueMatch> emails(String t, List<ValueMatch> found) {
        int n = t.length();
        for (int at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
            int s = at;
            while (s > 0 && isLocalChar(t.charAt(s - 1))) {
                s--;
            }
            while (s < at && t.charAt(s) == '.') {
                s++;
            }
            if (s == at || at - s > 64) {
                continue;
            }
            int e = at + 1;
            while (e < n && isDomainChar(t.charAt(e))) {
                e++;
            }
            while (e > at + 1 && (t.charAt(e - 1) == '.' || t.charAt(e - 1) == '-')) {
                e--; // a sentence's full stop, not part of the domain
            }
            if (validDomain(t, at + 1, e)) {
                found = add(found, SensitiveKind.EMAIL, s, e);
                at = e - 1;
            }
        }
        return found;
    }

    /** Labels separated by single dots, a last label of ≥2 letters, not a retina file name (icon@2x.png). */
    private static boolean validDomain(String t, int s, int e) {
        if (e - s < 4 || e - s > 253) {
            return false;
        }
        int lastDot = -1;
        for (int i = s; i < e; i++) {
            char c = t.charAt(i);
            if (c == '.') {
                if (i == s || t.charAt(i - 1) == '.' || t.charAt(i - 1) == '-' || t.charAt(i + 1) == '-') {
                    return false;
                }
                lastDot = i;
            }
        }
        if (lastDot < 0 || e - lastDot - 1 < 2 || t.charAt(s) == '-') {
            return false;
        }
        for (int i = lastDot + 1; i < e; i++) {
            if (!Character.isLetter(t.charAt(i))) {
                return false;
            }
        }
        int firstDot = t.indexOf('.', s);
        return !(firstDot - s >= 2 && t.charAt(firstDot - 1) == 'x' && allDigits(t, s, firstDot - 1));
    }

    /** E.164 ({@code +44 20 7946 0958}, {@code +14155550123}) and separated NANP shapes. */
    private static List<ValueMatch> phones(String t, List<ValueMatch> found) {
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '+' && (i == 0 || !isAlnum(t.charAt(i - 1))) && i + 1 < n && t.charAt(i + 1) >= '1'
                    && t.charAt(i + 1) <= '9') {
                int end = e164End(t, i + 1);
                if (end > 0) {
                    found = add(found, SensitiveKind.PHONE, i, end);
                    i = end - 1;
                }
            } else if ((c == '(' || isDigit(c)) && cleanLeft(t, i)) {
                int end = nanpEnd(t, i);
                if (end < 0 && c == '1' && i + 2 < n && (t.charAt(i + 1) == '-' || t.charAt(i + 1) == ' '
                        || t.charAt(i + 1) == '.')) {
                    end = nanpEnd(t, i + 2); // 1-800-555-0199: the trunk prefix belongs to the number
                }
                if (end > 0) {
                    found = add(found, SensitiveKind.PHONE, i, end);
                    i = end - 1;
                }
            }
        }
        return found;
    }

    private static int e164End(String t, int i) {
        int n = t.length();
        int digits = 0;
        int end = -1;
        while (i < n) {
            char c = t.charAt(i);
            if (isDigit(c)) {
                digits++;
                i++;
                end = i;
            } else if ((c == ' ' || c == '-' || c == '.') && end == i && i + 1 < n
                    && (isDigit(t.charAt(i + 1)) || t.charAt(i + 1) == '(')) {
                i++;
            } else if (c == '(' && end >= 0) {
                int j = i + 1;
                while (j < n && j - i <= 4 && isDigit(t.charAt(j))) {
                    j++;
                }
                if (j == i + 1 || j >= n || t.charAt(j) != ')') {
                    break;
                }
                digits += j - i - 1;
                i = j + 1;
                if (i < n && t.charAt(i) == ' ') {
                    i++;
                }
                if (i >= n || !isDigit(t.charAt(i))) {
                    break;
                }
            } else {
                break;
            }
        }
        if (digits < 8 || digits > 15 || end < 0 || end < n && isAlnum(t.charAt(end))) {
            return -1;
        }
        return end;
    }

    /** (ddd) ddd-dddd, ddd-ddd-dddd, ddd.ddd.dddd, ddd ddd dddd; area and exchange start with 2-9. */
    private static int nanpEnd(String t, int i) {
        int n = t.length();
        int p = i;
        char sep;
        if (t.charAt(p) == '(') {
            if (!digitsAt(t, p + 1, 3) || p + 4 >= n || t.charAt(p + 4) != ')') {
                return -1;
            }
            p += 5;
            if (p < n && t.charAt(p) == ' ') {
                p++;
            }
            sep = 0;
        } else {
            if (!digitsAt(t, p, 3) || p + 3 >= n) {
                return -1;
            }
            sep = t.charAt(p + 3);
            if (sep != '-' && sep != '.' && sep != ' ') {
                return -1;
            }
            p += 4;
        }
        if (!digitsAt(t, p, 3) || p + 3 >= n) {
            return -1;
        }
        char sep2 = t.charAt(p + 3);
        if (sep == 0 ? sep2 != '-' && sep2 != '.' && sep2 != ' ' : sep2 != sep) {
            return -1;
        }
        if (!digitsAt(t, p + 4, 4)) {
            return -1;
        }
        int end = p + 8;
        int areaAt = t.charAt(i) == '(' ? i + 1 : i;
        if (t.charAt(areaAt) < '2' || t.charAt(p) < '2' || !cleanRight(t, end)) {
            return -1;
        }
        return end;
    }

    /** ddd-dd-dddd or ddd dd dddd, area not 000, 666 or 9xx, group not 00, serial not 0000. */
    private static List<ValueMatch> ssns(String t, List<ValueMatch> found) {
        int n = t.length();
        for (int i = 0; i + 11 <= n; i++) {
            if (!isDigit(t.charAt(i)) || !cleanLeft(t, i) || !digitsAt(t, i, 3)) {
                continue;
            }
            char sep = t.charAt(i + 3);
            if (sep != '-' && sep != ' ' || t.charAt(i + 6) != sep || !digitsAt(t, i + 4, 2)
                    || !digitsAt(t, i + 7, 4) || !cleanRight(t, i + 11)) {
                continue;
            }
            int area = num(t, i, 3);
            if (area == 0 || area == 666 || area >= 900 || num(t, i + 4, 2) == 0 || num(t, i + 7, 4) == 0) {
                continue;
            }
            found = add(found, SensitiveKind.NATIONAL_ID, i, i + 11);
            i += 10;
        }
        return found;
    }

    /**
     * Groups of digits joined by single spaces or dashes, 13–19 digits from a group start to a group end,
     * a card-network prefix and a valid Luhn check. A group after a space may start a card (text before it
     * may be an unrelated number); a group glued to letters, or after a dash (UUID tails), never does.
     */
    private static List<ValueMatch> cards(String t, List<ValueMatch> found) {
        int n = t.length();
        boolean tainted = false; // the run of groups began glued to a word (DE89 3704…, a716-4466…)
        for (int s = 0; s < n; s++) {
            if (!isDigit(t.charAt(s)) || s > 0 && isDigit(t.charAt(s - 1))) {
                continue; // not the first digit of a group
            }
            boolean continuation = s >= 2 && (t.charAt(s - 1) == ' ' || t.charAt(s - 1) == '-')
                    && isDigit(t.charAt(s - 2));
            if (!continuation) {
                tainted = !cleanLeft(t, s);
            }
            if (tainted || continuation && t.charAt(s - 1) == '-') {
                continue; // glued to a word, or inside a dashed number such as a UUID
            }
            int best = -1;
            int digits = 0;
            int i = s;
            while (i < n) {
                while (i < n && isDigit(t.charAt(i))) {
                    digits++;
                    i++;
                }
                if (digits > 19 || i < n && isLetter(t.charAt(i))) {
                    break;
                }
                if (digits >= 13 && (i == n || !isAlnum(t.charAt(i))) && cardPrefix(t, s) && luhn(t, s, i)) {
                    best = i;
                }
                if (i + 1 < n && (t.charAt(i) == ' ' || t.charAt(i) == '-') && isDigit(t.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (best > 0) {
                found = add(found, SensitiveKind.PAYMENT_CARD, s, best);
                s = best;
            }
        }
        return found;
    }

    /** Visa 4, Mastercard 51-55 and 2221-2720, Maestro 5x/6x, Amex 34/37, Diners/JCB 30, 35-39, Discover 6. */
    private static boolean cardPrefix(String t, int s) {
        int first4 = 0;
        int seen = 0;
        for (int i = s; seen < 4; i++) {
            char c = t.charAt(i);
            if (isDigit(c)) {
                first4 = first4 * 10 + (c - '0');
                seen++;
            }
        }
        int d1 = first4 / 1000;
        int d2 = first4 / 100;
        return switch (d1) {
            case 4, 5, 6 -> true;
            case 3 -> d2 == 30 || d2 >= 34;
            case 2 -> first4 >= 2221 && first4 <= 2720;
            default -> false;
        };
    }

    static boolean luhn(String t, int s, int e) {
        int sum = 0;
        boolean dbl = false;
        for (int i = e - 1; i >= s; i--) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** Country code, 2 check digits, the country's length (single spaces allowed), mod-97 == 1. */
    private static List<ValueMatch> ibans(String t, List<ValueMatch> found) {
        int n = t.length();
        for (int i = 0; i + 15 <= n; i++) {
            char c1 = t.charAt(i);
            char c2 = t.charAt(i + 1);
            if (!isUpper(c1) || !isUpper(c2) || !isDigit(t.charAt(i + 2)) || !isDigit(t.charAt(i + 3))
                    || i > 0 && isAlnum(t.charAt(i - 1))) {
                continue;
            }
            int length = IBAN_LENGTH[(c1 - 'A') * 26 + c2 - 'A'];
            if (length == 0) {
                continue;
            }
            int count = 0;
            int j = i;
            while (j < n && count < length) {
                char c = t.charAt(j);
                if (isAlnum(c)) {
                    count++;
                    j++;
                } else if (c == ' ' && count > 0 && j + 1 < n && isAlnum(t.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (count == length && (j == n || !isAlnum(t.charAt(j))) && ibanMod97(t, i, j) == 1) {
                found = add(found, SensitiveKind.IBAN, i, j);
                i = j - 1;
            }
        }
        return found;
    }

    /** ISO 13616: move the first 4 characters to the end, letters as 10..35, the number mod 97. */
    static int ibanMod97(String t, int s, int e) {
        int r = 0;
        int skipped = 0;
        int first4End = s;
        for (int i = s; i < e && skipped < 4; i++) {
            if (isAlnum(t.charAt(i))) {
                skipped++;
                first4End = i + 1;
            }
        }
        for (int i = first4End; i < e; i++) {
            r = mod97Step(r, t.charAt(i));
        }
        for (int i = s; i < first4End; i++) {
            r = mod97Step(r, t.charAt(i));
        }
        return r;
    }

    private static int mod97Step(int r, char c) {
        if (isDigit(c)) {
            return (r * 10 + (c - '0')) % 97;
        }
        if (isLetter(c)) {
            int v = Character.toUpperCase(c) - 'A' + 10;
            return (r * 100 + v) % 97;
        }
        return r;
    }

    /** header.payload.signature, header and payload base64url JSON objects ({@code eyJ}), signature may be empty. */
    private static List<ValueMatch> jwts(String t, List<ValueMatch> found) {
        int n = t.length();
        for (int i = t.indexOf("eyJ"); i >= 0; i = t.indexOf("eyJ", i + 1)) {
            if (i > 0 && isBase64Url(t.charAt(i - 1))) {
                continue;
            }
            int e1 = b64End(t, i);
            if (e1 - i < 10 || e1 >= n || t.charAt(e1) != '.' || !t.startsWith("eyJ", e1 + 1)) {
                continue;
            }
            int e2 = b64End(t, e1 + 1);
            if (e2 - e1 - 1 < 10 || e2 >= n || t.charAt(e2) != '.') {
                continue;
            }
            int e3 = b64End(t, e2 + 1);
            found = add(found, SensitiveKind.SECRET, i, e3);
            i = e3 - 1;
        }
        return found;
    }

    /** AWS access key ids: a 4-letter prefix and exactly {@code len} capitals or digits. */
    private static List<ValueMatch> fixedToken(String t, String prefix, int len, List<ValueMatch> found) {
        int n = t.length();
        for (int i = t.indexOf(prefix); i >= 0; i = t.indexOf(prefix, i + 1)) {
            if (i > 0 && isAlnum(t.charAt(i - 1))) {
                continue;
            }
            int j = i + prefix.length();
            while (j < n && (isUpper(t.charAt(j)) || isDigit(t.charAt(j)))) {
                j++;
            }
            if (j - i - prefix.length() == len && (j == n || !isAlnum(t.charAt(j)))) {
                found = add(found, SensitiveKind.SECRET, i, j);
                i = j - 1;
            }
        }
        return found;
    }

    /** A vendor prefix followed by at least {@code min} token characters (letters, digits, optionally _ and -). */
    private static List<ValueMatch> prefixedToken(String t, String prefix, int min, boolean underscore, boolean dash,
            List<ValueMatch> found) {
        int n = t.length();
        for (int i = t.indexOf(prefix); i >= 0; i = t.indexOf(prefix, i + 1)) {
            if (i > 0 && (isAlnum(t.charAt(i - 1)) || t.charAt(i - 1) == '_')) {
                continue;
            }
            int j = i + prefix.length();
            while (j < n) {
                char c = t.charAt(j);
                if (isAlnum(c) || underscore && c == '_' || dash && c == '-') {
                    j++;
                } else {
                    break;
                }
            }
            if (j - i - prefix.length() >= min) {
                found = add(found, SensitiveKind.SECRET, i, j);
                i = j - 1;
            }
        }
        return found;
    }

    /** {@code -----BEGIN … PRIVATE KEY-----} to its END line (or the end of the text when cut off). */
    private static List<ValueMatch> privateKeys(String t, List<ValueMatch> found) {
        int n = t.length();
        for (int i = t.indexOf("-----BEGIN "); i >= 0; i = t.indexOf("-----BEGIN ", i + 1)) {
            int labelEnd = -1;
            for (int k = i + 11; k < Math.min(n, i + 70); k++) { // bounded: no rescans of long texts
                if (t.startsWith("-----", k)) {
                    labelEnd = k;
                    break;
                }
            }
            if (labelEnd < 0) {
                continue;
            }
            boolean privateKey = false;
            for (int k = i + 11; k < labelEnd; k++) {
                if (t.startsWith("PRIVATE KEY", k)) {
                    privateKey = true;
                    break;
                }
            }
            if (!privateKey) {
                continue;
            }
            int end = n;
            int endMarker = t.indexOf("-----END", labelEnd + 5);
            if (endMarker >= 0) {
                int close = t.indexOf("-----", endMarker + 8);
                if (close >= 0 && close - endMarker < 60) {
                    end = close + 5;
                }
            }
            found = add(found, SensitiveKind.SECRET, i, end);
            i = end - 1;
        }
        return found;
    }

    // ---------------------------------------------------------------- character helpers

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 127 && Character.isLetter(c);
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    private static boolean isLocalChar(char c) {
        return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return isAlnum(c) || c == '.' || c == '-';
    }

    private static boolean isBase64Url(char c) {
        return isAlnum(c) || c == '-' || c == '_';
    }

    private static int b64End(String t, int i) {
        while (i < t.length() && isBase64Url(t.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Not glued to a word or to a longer number on the left ({@code 10.212.555.1234}, {@code x123}). */
    private static boolean cleanLeft(String t, int i) {
        if (i == 0) {
            return true;
        }
        char p = t.charAt(i - 1);
        if (isAlnum(p)) {
            return false;
        }
        return !((p == '-' || p == '.' || p == '/' || p == ':') && i >= 2 && isAlnum(t.charAt(i - 2)));
    }

    /** Not glued to a word or to a longer number on the right. */
    private static boolean cleanRight(String t, int e) {
        if (e >= t.length()) {
            return true;
        }
        char c = t.charAt(e);
        if (isAlnum(c)) {
            return false;
        }
        return !((c == '-' || c == '.' || c == '/' || c == ':') && e + 1 < t.length()
                && isDigit(t.charAt(e + 1)));
    }

    private static boolean digitsAt(String t, int i, int count) {
        if (i < 0 || i + count > t.length()) {
            return false;
        }
        return allDigits(t, i, i + count);
    }

    private static boolean allDigits(String t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!isDigit(t.charAt(i))) {
                return false;
            }
        }
        return e > s;
    }

    private static int num(String t, int i, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            v = v * 10 + (t.charAt(i + k) - '0');
        }
        return v;
    }

    private static List<ValueMatch> add(List<ValueMatch> found, SensitiveKind kind, int start, int end) {
        List<ValueMatch> list = found == null ? new ArrayList<>(2) : found;
        list.add(new ValueMatch(kind, start, end));
        return list;
    }

    /** Ordered by start, then longest; overlapping later matches dropped. */
    static List<ValueMatch> result(List<ValueMatch> found) {
        if (found == null) {
            return List.of();
        }
        if (found.size() == 1) {
            return List.of(found.get(0));
        }
        found.sort(Comparator.comparingInt(ValueMatch::start).thenComparing(m -> -m.length()));
        List<ValueMatch> out = new ArrayList<>(found.size());
        int covered = 0;
        for (ValueMatch m : found) {
            if (m.start() >= covered) {
                out.add(m);
                covered = m.end();
            } else if (m.end() > covered) {
                // partly overlapping: widen the earlier span rather than leave the rest of this one visible
                ValueMatch prev = out.remove(out.size() - 1);
                out.add(new ValueMatch(prev.kind(), prev.start(), m.end()));
                covered = m.end();
            }
        }
        return List.copyOf(out);
    }
}
