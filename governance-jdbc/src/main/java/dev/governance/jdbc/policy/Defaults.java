package dev.governance.jdbc.policy;

/**
 * The {@code defaults} section.
 *
 * @param unparseable    what SQL that can't be read reliably gets (rule id {@code unparseable})
 * @param unknownLineage what a result whose lineage can't be traced gets when it touches sensitive data
 * @param multiStatement what a text with several statements gets (rule id {@code multi-statement});
 *                       only {@link Action#DENY} or {@link Action#ALLOW}
 * @param mode           enforce or dry-run
 */
public record Defaults(Action unparseable, UnknownLineage unknownLineage, Action multiStatement, Mode mode) {

    /** What a policy gets for a missing {@code defaults} section or field (the contract's example values). */
    public static final Defaults DEFAULT = new Defaults(Action.DENY, UnknownLineage.MASK, Action.DENY, Mode.ENFORCE);

    public enum UnknownLineage { MASK, DENY }
}
