package dev.governance.jdbc.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The workload identity a connection (or a {@code runAs} scope) carries.
 *
 * @param subject    who or what acts (with an RFC 8693 {@code act} claim: the acting party)
 * @param kind       human, agent or service
 * @param groups     groups or roles, in token order, without duplicates
 * @param onBehalfOf the party the actor works for, or null
 * @param issuer     the token issuer, or null for a static identity
 * @param verified   true only when a signed token was verified
 * @param expiresAt  when the token stops being valid, or null when it does not expire
 */
public record Identity(String subject, IdentityKind kind, List<String> groups, String onBehalfOf, String issuer,
                       boolean verified, Instant expiresAt) {

    public Identity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        groups = List.copyOf(groups);
    }

    public boolean inAnyGroup(List<String> wanted) {
        for (String group : wanted) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }

    /** True when the identity came from a token whose {@code exp} is before {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt);
    }
}
