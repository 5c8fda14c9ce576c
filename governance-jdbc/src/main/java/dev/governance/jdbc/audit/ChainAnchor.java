package dev.governance.jdbc.audit;

import java.time.Instant;

/**
 * The head of a {@code jsonl:} trail's hash chain (its newest record's seq and hash), published to the trail's
 * other sinks so that a copy lives outside the file: cutting off the newest records of the file leaves a valid
 * shorter chain, but not one that holds the published hash at the published seq
 * ({@code audit verify FILE --anchor SEQ:HASH}).
 *
 * @param trail the trail's live file name ({@code governance-audit.jsonl})
 * @param seq   the newest record's seq
 * @param hash  its hash
 * @param at    when it was published
 */
public record ChainAnchor(String trail, long seq, String hash, Instant at) {
}
