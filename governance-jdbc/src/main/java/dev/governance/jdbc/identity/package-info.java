/**
 * Workload identity (contract 3.1): where it comes from, how a token is verified, how claims become an
 * {@link dev.governance.jdbc.identity.Identity}.
 *
 * <p>Entry points: {@link dev.governance.jdbc.identity.IdentityResolver} (one per distinct identity settings,
 * shared by connections) and {@link dev.governance.jdbc.identity.TokenMinter} (development tokens).
 *
 * <p>Behaviour the contract leaves open, decided here:
 * <ul>
 *   <li>Source precedence: {@code token}, then {@code token-file}, then the static {@code subject}; a static
 *       subject configured next to a token is ignored (the token is the stricter choice).</li>
 *   <li>Token file: looked at (mtime, size) at most every 250 ms; a file modified less than 2 s before it was read
 *       is compared by content as well, so a same-size rewrite within one timestamp tick is not missed. While the
 *       file is missing or empty (a rotation in progress) the last good token is kept until it expires; a file
 *       holding a bad token refuses at once. A refused token is tried again at each look, so a token whose
 *       {@code nbf} lies ahead starts working when its time comes.</li>
 *   <li>JWK set: a file is re-read when it changes; a {@code classpath:} resource is read once; an
 *       {@code https://} URL is fetched on first use and again after 5 minutes, a failed fetch keeps the keys
 *       already known. Plain {@code http://} is accepted for a loopback host only. An unknown {@code kid} forces
 *       one reload, at most once per 30 s. Keys used: RSA of 2048 bits or more, EC P-256/P-384/P-521, OKP
 *       Ed25519, with {@code use} absent or {@code sig} and {@code key_ops} absent or holding {@code verify};
 *       symmetric keys are never used. A key that declares {@code alg} checks that algorithm only.</li>
 *   <li>Token checks, in order: length (at most 16 KiB), form, {@code alg} ({@code none} in any spelling is
 *       refused; only the allow-list), {@code crit} (none understood), key, signature, {@code iss}, {@code aud},
 *       {@code exp} (required), {@code nbf}, {@code sub} (required), then claim mapping. Messages name the check
 *       and never quote the token.</li>
 *   <li>Verification cache: 10,000 tokens, an entry expires at the token's {@code exp}; failures are not
 *       cached.</li>
 *   <li>EdDSA uses the JDK's Ed25519 (Nimbus needs Google Tink for it, which is not a dependency).</li>
 * </ul>
 */
package dev.governance.jdbc.identity;
