package dev.governance.jdbc.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.governance.jdbc.IdentityException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.governance.jdbc.identity.Rejections.quote;
import static dev.governance.jdbc.identity.Rejections.rejected;

/** Builds the identity from the claims of a verified token (contract 3.1). */
final class ClaimMapper {
    /** RFC 8693: the acting party; its {@code sub} is the one who acts, the token's {@code sub} is on whose behalf. */
    static final String ACT = "act";

    private final String kindClaim;
    private final String groupsClaim;
    private final IdentityKind defaultKind;

    ClaimMapper(String kindClaim, String groupsClaim, IdentityKind defaultKind) {
        this.kindClaim = kindClaim;
        this.groupsClaim = groupsClaim;
        this.defaultKind = defaultKind;
    }

    Identity map(JWTClaimsSet claims, Instant expiresAt) throws IdentityException {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw rejected("no subject (sub claim required)");
        }
        String onBehalfOf = null;
        String actor = actor(claims.getClaim(ACT));
        if (actor != null) {
            onBehalfOf = subject;
            subject = actor;
        }
        return new Identity(subject, kind(claims.getClaim(kindClaim)), groups(claims.getClaim(groupsClaim)),
                onBehalfOf, claims.getIssuer(), true, expiresAt);
    }

    private static String actor(Object act) throws IdentityException {
        if (act == null) {
            return null;
        }
        if (!(act instanceof Map<?, ?> map)) {
            throw rejected("claim act is not an object (RFC 8693)");
        }
        if (!(map.get("sub") instanceof String sub) || sub.isBlank()) {
            throw rejected("claim act has no sub (RFC 8693)");
        }
        return sub;
    }

    private IdentityKind kind(Object value) throws IdentityException {
        if (value == null) {
            return defaultKind;
        }
        IdentityKind kind = value instanceof String text ? IdentityKind.parse(text) : null;
        if (kind == null) {
            throw rejected("claim " + kindClaim + " is " + quote(value) + ", not human, agent or service");
        }
        return kind;
    }

    private List<String> groups(Object value) throws IdentityException {
        if (value == null) {
            return List.of();
        }
        Set<String> groups = new LinkedHashSet<>(); // token order, without duplicates
        if (value instanceof String text) {
            for (String group : text.trim().split("\\s+")) {
                if (!group.isEmpty()) {
                    groups.add(group);
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String group) || group.isBlank()) {
                    throw rejected("claim " + groupsClaim + " holds " + quote(item) + ", which is not a group name");
                }
                groups.add(group.trim());
            }
        } else {
            throw rejected("claim " + groupsClaim + " is neither an array of strings nor a space-separated string");
        }
        return new ArrayList<>(groups);
    }
}
