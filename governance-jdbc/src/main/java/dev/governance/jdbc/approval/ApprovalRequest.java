package dev.governance.jdbc.approval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One request for approval of one statement by one identity.
 *
 * @param id             random id, quoted in the VG001 message
 * @param subject        the requester's subject
 * @param kind           the requester's kind ({@code human}, {@code agent}, {@code service})
 * @param groups         the requester's groups
 * @param onBehalfOf     the party the requester acts for (the token's {@code sub} under an {@code act} claim), or null
 * @param environment    the environment the statement was to run in
 * @param database       the database product and real URL (without credentials) it was to run on
 * @param sql            the SQL as recorded in the audit trail (literals replaced unless audit.literals=true)
 * @param fullSql        the full SQL text, for the reviewer
 * @param fingerprint    the statement's literal-free fingerprint (for grouping and display; grants match the full text)
 * @param parametersHash SHA-256 of the bound parameter values' string forms, or "" for none
 * @param ruleIds        the contributing rules
 * @param approverGroups groups whose members may decide (any one of them)
 * @param reason         the requester's reason ({@code governance.reason}), or null
 * @param created        when it was requested
 * @param status         where it is now (as stored)
 * @param reviewer       who decided, or null
 * @param decided        when it was decided, or null
 */
public record ApprovalRequest(String id, String subject, String kind, List<String> groups, String onBehalfOf,
                              String environment, Database database, String sql, String fullSql,
                              String fingerprint, String parametersHash,
                              List<String> ruleIds, List<String> approverGroups, String reason, Instant created,
                              ApprovalStatus status, String reviewer, Instant decided) {

    public ApprovalRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        groups = List.copyOf(groups);
        ruleIds = List.copyOf(ruleIds);
        approverGroups = List.copyOf(approverGroups);
        parametersHash = parametersHash == null ? "" : parametersHash;
        fingerprint = fingerprint == null ? "" : fingerprint;
        database = database == null ? Database.UNKNOWN : database;
    }

    /** The database a statement runs on: product name and URL without credentials. */
    public record Database(String product, String url) {
        public static final Database UNKNOWN = new Database(null, null);

        /** "PostgreSQL jdbc:postgresql://db/app", for reviewers. */
        public String describe() {
            return (product == null ? "?" : product) + ' ' + (url == null ? "?" : url);
        }
    }

    /** The same request with a decision (or a use) written on it. */
    public ApprovalRequest with(ApprovalStatus newStatus, String newReviewer, Instant newDecided) {
        return new ApprovalRequest(id, subject, kind, groups, onBehalfOf, environment, database, sql, fullSql,
                fingerprint, parametersHash,
                ruleIds, approverGroups, reason, created, newStatus, newReviewer, newDecided);
    }

    /** True when this is an approved, unused grant still inside its lifetime at {@code now}. */
    public boolean grantUsableAt(Instant now) {
        return status == ApprovalStatus.APPROVED && decided != null
                && !now.isAfter(decided.plus(ApprovalStore.GRANT_LIFETIME));
    }

    /** The status as a reviewer sees it: an approved grant past its lifetime is {@code EXPIRED}. */
    public ApprovalStatus effectiveStatus(Instant now) {
        return status == ApprovalStatus.APPROVED && !grantUsableAt(now) ? ApprovalStatus.EXPIRED : status;
    }

    /**
     * What a grant is for, as one SHA-256 (hex): the same identity (subject and on-behalf-of), environment, database
     * (product and URL), the same full text (literal values included) and the same bound parameters. Two requests
     * with equal keys are the same statement run the same way; anything else is another statement.
     */
    public String grantKey() {
        return digest(subject, onBehalfOf, environment, database.product(), database.url(), fullSql, parametersHash);
    }

    /**
     * True when {@code reviewer} is a party to this request: the requester itself, the person it acts on behalf of,
     * or anyone acting on behalf of either. Nobody approves a request made on their own behalf.
     */
    public boolean partyTo(String reviewerSubject, String reviewerOnBehalfOf) {
        return same(reviewerSubject, subject) || same(reviewerSubject, onBehalfOf)
                || same(reviewerOnBehalfOf, subject) || same(reviewerOnBehalfOf, onBehalfOf);
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    private static String digest(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            if (part == null) {
                digest.update((byte) 0);
                continue;
            }
            digest.update((byte) 1);
            lengthPrefixed(digest, part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 (hex) over the string forms of bound values (null as NULL), or "" when there are none. */
    public static String hashParameters(List<?> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        MessageDigest digest = sha256();
        for (Object value : values) {
            lengthPrefixed(digest, value == null ? "\u0000NULL" : value.getClass().getName() + ':' + stringForm(value));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The text's UTF-8 length, '|', then its bytes: no two lists of texts feed the digest the same bytes. */
    private static void lengthPrefixed(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '|');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String stringForm(Object value) {
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }
}
