package dev.governance.jdbc.policy;

import java.util.List;

/**
 * One entry of {@code access}: what data the identities it selects may touch in the given environments. A table
 * that may be written may also be read.
 *
 * @param identity     selectors, any of
 * @param environments environment globs, any of; empty: every environment
 * @param read         table globs that may be read
 * @param write        table globs that may be written
 */
public record AccessEntry(List<IdentitySelector> identity, List<Glob> environments, List<NameGlob> read,
                          List<NameGlob> write) {

    public AccessEntry {
        identity = List.copyOf(identity);
        environments = List.copyOf(environments);
        read = List.copyOf(read);
        write = List.copyOf(write);
    }

    public boolean appliesTo(dev.governance.jdbc.identity.Identity who, String environment) {
        return IdentitySelector.anyMatches(identity, who)
                && (environments.isEmpty() || Match.anyGlob(environments, environment));
    }
}
