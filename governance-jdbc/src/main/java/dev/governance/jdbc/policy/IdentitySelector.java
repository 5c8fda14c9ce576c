package dev.governance.jdbc.policy;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;

import java.util.List;
import java.util.Set;

/**
 * Picks identities. Every given field must hold; an empty list/set or null means "any".
 *
 * @param name     the name under {@code identities}, or null for an inline selector
 * @param subjects subject globs, any of (case-sensitive: token subjects are case-sensitive)
 * @param kinds    kinds, any of
 * @param groups   groups, any of (exact names)
 * @param verified required verification state, or null for either
 */
public record IdentitySelector(String name, List<Glob> subjects, Set<IdentityKind> kinds, List<String> groups,
                               Boolean verified) {

    public IdentitySelector {
        subjects = List.copyOf(subjects);
        kinds = Set.copyOf(kinds);
        groups = List.copyOf(groups);
    }

    public boolean matches(Identity identity) {
        if (!kinds.isEmpty() && !kinds.contains(identity.kind())) {
            return false;
        }
        if (verified != null && verified != identity.verified()) {
            return false;
        }
        if (!groups.isEmpty() && !identity.inAnyGroup(groups)) {
            return false;
        }
        if (!subjects.isEmpty()) {
            for (Glob g : subjects) {
                if (g.matches(identity.subject())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** True when any of {@code selectors} matches; an empty list matches nobody. */
    public static boolean anyMatches(List<IdentitySelector> selectors, Identity identity) {
        for (IdentitySelector s : selectors) {
            if (s.matches(identity)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        if (name != null) {
            return name;
        }
        StringBuilder b = new StringBuilder("{");
        if (!subjects.isEmpty()) {
            b.append("subject: ").append(subjects).append(' ');
        }
        if (!kinds.isEmpty()) {
            b.append("kind: ").append(kinds).append(' ');
        }
        if (!groups.isEmpty()) {
            b.append("groups: ").append(groups).append(' ');
        }
        if (verified != null) {
            b.append("verified: ").append(verified).append(' ');
        }
        return b.toString().trim() + "}";
    }
}
