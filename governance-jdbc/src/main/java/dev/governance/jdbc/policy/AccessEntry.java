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
 * @param functions    globs of user-defined functions that may be called although their bodies can't be read
 *                     (not SQL, or not readable): what they read is unknown, so naming them is a decision
 * @param views        table globs of views read (and written) as themselves: the view is the boundary, the tables
 *                     behind it are not counted (other views count as the tables behind them)
 */
public record AccessEntry(List<IdentitySelector> identity, List<Glob> environments, List<NameGlob> read,
                          List<NameGlob> write, List<Glob> functions, List<NameGlob> views) {

    public AccessEntry(List<IdentitySelector> identity, List<Glob> environments, List<NameGlob> read,
                       List<NameGlob> write) {
        this(identity, environments, read, write, List.of(), List.of());
    }

    public AccessEntry(List<IdentitySelector> identity, List<Glob> environments, List<NameGlob> read,
                       List<NameGlob> write, List<Glob> functions) {
        this(identity, environments, read, write, functions, List.of());
    }

    public AccessEntry {
        identity = List.copyOf(identity);
        environments = List.copyOf(environments);
        read = List.copyOf(read);
        write = List.copyOf(write);
        functions = List.copyOf(functions);
        views = List.copyOf(views);
    }

    public boolean appliesTo(dev.governance.jdbc.identity.Identity who, String environment) {
        return IdentitySelector.anyMatches(identity, who)
                && (environments.isEmpty() || Match.anyGlob(environments, environment));
    }
}
