package dev.governance.jdbc.policy;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.sql.ColumnName;

import java.util.List;

/**
 * The {@code masking} section.
 *
 * @param detect      how sensitive columns are found besides {@code columns}
 * @param unmaskedFor identities that see data unmasked (any of); empty: nobody
 * @param columns     explicit column rules, first match wins
 * @param predicates  whether a masked identity may filter/join/group/order on sensitive columns
 */
public record MaskingPolicy(Detect detect, List<IdentitySelector> unmaskedFor, List<ColumnRule> columns,
                            Predicates predicates) {

    /** No {@code masking} section: detect by names and values, nobody unmasked. */
    public static final MaskingPolicy DEFAULT = new MaskingPolicy(Detect.AUTO, List.of(), List.of(), Predicates.ALLOW);

    public MaskingPolicy {
        unmaskedFor = List.copyOf(unmaskedFor);
        columns = List.copyOf(columns);
    }

    /** True when results for {@code identity} need a masking plan at all. */
    public boolean appliesTo(Identity identity) {
        if (detect == Detect.OFF && columns.isEmpty()) {
            return false;
        }
        return !IdentitySelector.anyMatches(unmaskedFor, identity);
    }

    /** The strategy of the first column rule matching {@code column}, or null. */
    public Strategy strategyFor(ColumnName column) {
        for (ColumnRule rule : columns) {
            for (NameGlob g : rule.match()) {
                if (g.matches(column)) {
                    return rule.strategy();
                }
            }
        }
        return null;
    }

    public enum Detect { AUTO, NAMES, OFF }

    public enum Predicates { ALLOW, DENY }

    /** {@code redact} {@code ****}; {@code email} placeholder; {@code partial} last 4; {@code hash} keyed token; {@code null}; type-preserving {@code default}. */
    public enum Strategy { REDACT, EMAIL, PARTIAL, HASH, NULL, DEFAULT }

    /** One entry of {@code masking.columns}. */
    public record ColumnRule(List<NameGlob> match, Strategy strategy) {
        public ColumnRule {
            match = List.copyOf(match);
        }
    }
}
