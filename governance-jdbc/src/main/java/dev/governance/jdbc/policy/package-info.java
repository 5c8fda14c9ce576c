/**
 * The policy document (contract 4) and the decisions it makes.
 *
 * <ul>
 *   <li>{@link dev.governance.jdbc.policy.PolicyLoader} reads YAML or JSON into an immutable
 *       {@link dev.governance.jdbc.policy.Policy}; every problem is a VG000 naming the line and the field path.</li>
 *   <li>{@link dev.governance.jdbc.policy.PolicyHolder} keeps the policy in force for one configuration and
 *       re-reads a changed file (a bad version keeps the last good one).</li>
 *   <li>{@link dev.governance.jdbc.policy.PolicyEngine} turns identity, environment and the SQL analysis into a
 *       {@link dev.governance.jdbc.policy.Decision}; pure and thread-safe, no regex or reflection on its path.</li>
 *   <li>{@code baseline.yaml} next to these classes is the built-in policy of contract 4.5.</li>
 * </ul>
 *
 * The language, with the extensions beyond contract 4.1, is documented in {@code docs/policy.md}.
 */
package dev.governance.jdbc.policy;
