package dev.governance.jdbc.masking;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Column name → {@link SensitiveKind} (or null), for {@code detect: auto}.
 *
 * <p>The name is split into lower-case words whatever its style ({@code emailAddress}, {@code EMAIL_ADDR},
 * {@code e-mail}, {@code "Card Number"}, {@code address_line1}); word sequences ("phrases") are then matched
 * greedily left to right, longest first, and each phrase is also known in its run-together form
 * ({@code ccnumber}, {@code apikey}, {@code dateofbirth}). The <em>last</em> phrase is the head of the name
 * ({@code password_reset_token} is a token, {@code token_email} an e-mail). What follows the head decides:
 * <ul>
 *   <li>a metadata word ({@code id}, {@code count}, {@code verified}, {@code type}, {@code at}, {@code expires}…)
 *       means the column describes the sensitive thing without holding it: {@code address_id},
 *       {@code token_count}, {@code email_verified}, {@code password_changed_at} are not sensitive;</li>
 *   <li>a value word ({@code hash}, {@code encrypted}, {@code number}, {@code line}, digits…) keeps it sensitive;</li>
 *   <li>any other word keeps it sensitive, except after an ambiguous ("strict") phrase such as {@code mobile},
 *       {@code token}, {@code address}, {@code zip}, {@code pan} ({@code mobile_os}, {@code token_symbol}).</li>
 * </ul>
 * A leading flag or counter word ({@code is_}, {@code has_}, {@code num_}, {@code total_}) also means not
 * sensitive. Bare {@code name}, {@code username}, {@code city} and {@code country} are deliberately not
 * sensitive: too many product, table and file names. Plural {@code tokens} is not a secret (LLM usage
 * counters); plural {@code emails}/{@code phones}/{@code addresses} are.
 *
 * <p>{@link #classify(String, int)} adds the column's JDBC type: a boolean column is never sensitive
 * ({@code email_opt_in BIT}), an integer column only for kinds that are stored as numbers.
 */
public final class ColumnNameClassifier {

    private record Phrase(String[] words, SensitiveKind kind, boolean strict) {
    }

    private record Hit(Phrase phrase, int end) {
    }

    /** Phrases by first word, longest first. */
    private static final Map<String, List<Phrase>> BY_FIRST_WORD = new HashMap<>();
    /** One-word phrases, and multi-word phrases run together into one word: "ccnumber", "apikey". */
    private static final Map<String, Phrase> ONE_WORD = new HashMap<>();

    /** Run-together words also recognised at the end of a longer word: "useremail", "dbpassword". */
    private static final List<String> SUFFIX_WORDS = List.of(
            "email", "emailaddress", "password", "passwd", "apikey", "accesstoken", "refreshtoken", "authtoken",
            "privatekey", "secretkey", "clientsecret");

    /** After the head: the column describes the sensitive thing, it doesn't hold it. */
    private static final Set<String> METADATA = Set.of(
            "id", "ids", "uuid", "guid", "key", "fk", "ref", "count", "cnt", "counts", "total", "type", "kind",
            "category", "status", "state", "flag", "flags", "enabled", "disabled", "verified", "verification",
            "confirmed", "valid", "validated", "bounced", "opt", "optin", "optout", "opted", "consent",
            "subscribed", "unsubscribed", "sent", "at", "on", "ts", "time", "timestamp", "date", "dt", "updated",
            "created", "changed", "change", "modified", "expires", "expiry", "expiration", "exp", "expired", "ttl",
            "age", "length", "len", "size", "version", "ver", "policy", "rule", "format", "pattern", "regex",
            "template", "domain", "country", "provider", "source", "required", "set", "present", "exists",
            "allowed", "strength", "score", "attempts", "tries", "failures", "failed", "rotation", "rotated",
            "scope", "scopes", "issuer", "name", "label", "description", "desc", "algorithm", "alg", "fingerprint",
            "usage", "used", "limit", "quota", "index", "idx", "seq", "question", "sequence");

    /** After the head: still the value itself (matters for strict phrases only). */
    private static final Set<String> VALUE = Set.of(
            "hash", "hashed", "enc", "encrypted", "cipher", "ciphertext", "digest", "value", "val", "text", "txt",
            "raw", "plain", "plaintext", "str", "string", "number", "num", "no", "nr", "nbr", "line", "primary",
            "secondary", "home", "work", "personal", "business", "main", "alt", "alternate", "last", "four",
            "masked", "old", "new", "prev", "previous", "current", "tmp", "temp", "backup", "bcrypt", "sha",
            "code", "full", "list", "data");

    /** A first word that makes the column a flag or a counter about the sensitive thing. */
    private static final Set<String> LEADING_FLAGS = Set.of(
            "is", "has", "num", "n", "count", "cnt", "total", "max", "min", "avg", "nb", "can", "should", "needs",
            "allow", "require", "requires", "use", "uses");

    static {
        // EMAIL
        add(SensitiveKind.EMAIL, false, "email", "e mail", "email address", "email addr", "e mail address",
                "emails", "email addresses", "mail address", "mailaddress", "recipient email", "emailaddr");
        add(SensitiveKind.EMAIL, true, "mail");
        // PHONE
        add(SensitiveKind.PHONE, false, "phone", "phones", "phone number", "phone no", "phone num",
                "telephone", "telephone number", "mobile number", "mobile phone", "mobile no", "cell phone",
                "cellphone", "cell number", "msisdn", "fax number", "contact number", "phone numbers");
        add(SensitiveKind.PHONE, true, "mobile", "cell", "tel", "fax");
        // NATIONAL_ID
        add(SensitiveKind.NATIONAL_ID, false, "ssn", "social security number", "social security no",
                "social security", "social insurance number", "national id", "national identifier",
                "national identity number", "national insurance number", "nino", "tax id", "taxid",
                "tax number", "tax identification number", "tax identifier", "passport", "passport number",
                "passport no", "drivers license", "driver license", "drivers licence", "driving licence",
                "driving license", "driver licence", "government id", "gov id", "aadhaar", "personnummer",
                "personal id number", "national id number", "id card number", "identity card number", "cpf",
                "itin");
        add(SensitiveKind.NATIONAL_ID, true, "tin", "nin");
        // PASSWORD
        add(SensitiveKind.PASSWORD, false, "password", "passwd", "pwd", "passphrase", "passcode",
                "password hash", "pass hash", "passwords", "pin code", "pin number");
        add(SensitiveKind.PASSWORD, true, "pass", "pw", "pin");
        // SECRET
        add(SensitiveKind.SECRET, false, "secret", "secrets", "client secret", "api key", "api secret",
                "api token", "access token", "refresh token", "auth token", "id token", "bearer token",
                "session token", "private key", "priv key", "privkey", "secret key", "access key",
                "secret access key", "signing key", "encryption key", "master key", "credential", "credentials",
                "otp secret", "totp secret", "mfa secret", "connection string", "conn string", "conn str",
                "oauth token", "jwt", "webhook secret", "app secret", "consumer secret", "access key id",
                "ssh key", "deploy key", "license key", "recovery code", "recovery codes", "backup codes",
                "otp code", "mfa code", "verification code", "reset code", "security answer", "secret answer",
                "recovery key", "hmac key", "jwt secret", "session secret", "cookie secret");
        add(SensitiveKind.SECRET, true, "token", "otp");
        // Blockers: contain a sensitive word, but aren't.
        add(null, false, "public key", "primary key", "foreign key", "mac address", "web address",
                "token symbol", "token address", "contract address", "wallet address", "tokens");
        // PAYMENT_CARD
        add(SensitiveKind.PAYMENT_CARD, false, "card number", "card no", "card num", "cc num", "cc number",
                "cc no", "ccn", "credit card", "credit card number", "credit card no", "debit card",
                "debit card number", "cvv", "cvc", "cvv 2", "cvc 2", "card cvv", "card cvc",
                "card security code", "card verification code", "primary account number", "payment card");
        add(SensitiveKind.PAYMENT_CARD, true, "pan");
        // IBAN
        add(SensitiveKind.IBAN, false, "iban", "bban", "bank account", "bank account number",
                "bank account no", "bank acct", "bank acct no");
        // DATE_OF_BIRTH
        add(SensitiveKind.DATE_OF_BIRTH, false, "dob", "date of birth", "birthdate", "birth date",
                "birthday", "birth dt", "born on", "year of birth", "birth year", "bday");
        // ADDRESS
        add(SensitiveKind.ADDRESS, false, "street", "street address", "street name", "street line",
                "address line", "addr line", "home address", "postal address", "mailing address",
                "billing address", "shipping address", "residential address", "house number", "house no",
                "postcode", "postal code", "zip code", "zipcode", "post code", "addresses");
        add(SensitiveKind.ADDRESS, true, "address", "addr", "zip");
        // PERSON_NAME
        add(SensitiveKind.PERSON_NAME, false, "first name", "firstname", "given name", "forename",
                "middle name", "last name", "lastname", "surname", "family name", "maiden name", "full name",
                "fullname", "legal name", "customer name", "contact name", "patient name", "employee name",
                "person name", "cardholder name", "card holder name", "account holder name", "holder name",
                "recipient name", "sender name", "billing name", "shipping name", "beneficiary name");
        add(SensitiveKind.PERSON_NAME, true, "fname", "lname");
        // IP_ADDRESS
        add(SensitiveKind.IP_ADDRESS, false, "ip address", "ip addr", "ipaddress", "ipaddr", "client ip",
                "remote ip", "remote addr", "remote address", "source ip", "user ip", "ipv 4", "ipv 6",
                "ip v 4", "ip v 6");
        add(SensitiveKind.IP_ADDRESS, true, "ip");
        for (List<Phrase> list : BY_FIRST_WORD.values()) {
            list.sort((a, b) -> b.words().length - a.words().length);
        }
    }

    private ColumnNameClassifier() {
    }

    private static void add(SensitiveKind kind, boolean strict, String... phrases) {
        for (String p : phrases) {
            String[] words = p.split(" ");
            Phrase phrase = new Phrase(words, kind, strict);
            BY_FIRST_WORD.computeIfAbsent(words[0], w -> new ArrayList<>()).add(phrase);
            ONE_WORD.putIfAbsent(String.join("", words), phrase);
        }
    }

    /** The kind a column name says it holds, or null. */
    public static SensitiveKind classify(String columnName) {
        if (columnName == null || columnName.isEmpty()) {
            return null;
        }
        List<String> words = words(columnName);
        if (words.isEmpty() || LEADING_FLAGS.contains(words.get(0)) && words.size() > 1) {
            return null;
        }
        Hit last = null;
        int i = 0;
        while (i < words.size()) {
            Hit hit = match(words, i);
            if (hit == null) {
                i++;
            } else {
                last = hit;
                i = hit.end();
            }
        }
        if (last == null || last.phrase().kind() == null) {
            return null;
        }
        for (int j = last.end(); j < words.size(); j++) {
            String w = words.get(j);
            if (METADATA.contains(w)) {
                return null;
            }
            if (isDigits(w) || VALUE.contains(w)) {
                continue;
            }
            if (last.phrase().strict()) {
                return null;
            }
        }
        return last.phrase().kind();
    }

    /**
     * The kind, taking the column's {@link java.sql.Types JDBC type} into account: boolean columns
     * ({@code email_verified BOOLEAN}) are flags, never values; numbers can only be phone, national id, card,
     * bank account or birth (year / yyyymmdd) values; date and time columns only dates of birth.
     */
    public static SensitiveKind classify(String columnName, int jdbcType) {
        SensitiveKind kind = classify(columnName);
        if (kind == null) {
            return null;
        }
        switch (jdbcType) {
            case Types.BOOLEAN:
            case Types.BIT:
                return null;
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.NUMERIC:
            case Types.DECIMAL:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return switch (kind) {
                    case PHONE, NATIONAL_ID, PAYMENT_CARD, IBAN, DATE_OF_BIRTH, IP_ADDRESS, PASSWORD -> kind;
                    default -> null;
                };
            case Types.DATE:
            case Types.TIME:
            case Types.TIMESTAMP:
            case Types.TIME_WITH_TIMEZONE:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return kind == SensitiveKind.DATE_OF_BIRTH ? kind : null;
            default:
                return kind;
        }
    }

    private static Hit match(List<String> words, int i) {
        String first = words.get(i);
        List<Phrase> candidates = BY_FIRST_WORD.get(first);
        if (candidates != null) {
            for (Phrase p : candidates) {
                if (matchesAt(words, i, p.words())) {
                    return new Hit(p, i + p.words().length);
                }
            }
        }
        Phrase joined = ONE_WORD.get(first);
        if (joined != null) {
            return new Hit(joined, i + 1);
        }
        for (String suffix : SUFFIX_WORDS) {
            if (first.length() > suffix.length() && first.endsWith(suffix)) {
                return new Hit(ONE_WORD.get(suffix), i + 1);
            }
        }
        return null;
    }

    private static boolean matchesAt(List<String> words, int i, String[] phrase) {
        if (i + phrase.length > words.size()) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!words.get(i + k).equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (w.charAt(k) < '0' || w.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Lower-case words of a name in any style: separators are anything but letters and digits; a word also
     * ends at a lower→upper change ({@code emailAddress}), before the last capital of a capital run followed by
     * a lower-case letter ({@code SSNNumber} → ssn, number) and between letters and digits ({@code line1}).
     */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>(4);
        int n = name.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? name.charAt(i) : ' ';
            boolean alnum = Character.isLetterOrDigit(c);
            if (start >= 0) {
                char p = name.charAt(i - 1);
                boolean boundary = !alnum
                        || Character.isLowerCase(p) && Character.isUpperCase(c)
                        || Character.isUpperCase(p) && Character.isUpperCase(c) && i + 1 < n
                                && Character.isLowerCase(name.charAt(i + 1))
                        || Character.isDigit(p) != Character.isDigit(c);
                if (boundary) {
                    out.add(name.substring(start, i).toLowerCase(Locale.ROOT));
                    start = alnum ? i : -1;
                }
            } else if (alnum) {
                start = i;
            }
        }
        return out;
    }
}
