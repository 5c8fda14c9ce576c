package dev.governance.jdbc.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Set;

/**
 * One public key of the JWK set, with the asymmetric algorithms it may check. Symmetric (oct) keys are never
 * turned into a verification key, so no token can be checked as HMAC with a secret taken from the set.
 */
final class VerificationKey {
    private static final int MIN_RSA_BITS = 2048;
    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    /** Checks one signature; false (or an exception) means invalid. */
    @FunctionalInterface
    interface Check {
        boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException;
    }

    /** Why a key of the set can't be used. */
    static final class UnusableKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableKeyException(String message) {
            super(message, null, false, false);
        }
    }

    private final String keyId;
    private final Set<JWSAlgorithm> algorithms;
    private final Check check;

    private VerificationKey(String keyId, Set<JWSAlgorithm> algorithms, Check check) {
        this.keyId = keyId;
        this.algorithms = algorithms;
        this.check = check;
    }

    static VerificationKey from(JWK jwk) throws UnusableKeyException {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            throw new UnusableKeyException("its use is " + jwk.getKeyUse().identifier() + ", not sig");
        }
        if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
            throw new UnusableKeyException("its key_ops do not include verify");
        }
        try {
            VerificationKey key;
            if (jwk instanceof RSAKey rsa) {
                if (rsa.size() < MIN_RSA_BITS) {
                    throw new UnusableKeyException("it is an RSA key of " + rsa.size() + " bits (at least "
                            + MIN_RSA_BITS + " needed)");
                }
                key = new VerificationKey(jwk.getKeyID(), RSA, new RSASSAVerifier(rsa.toRSAPublicKey())::verify);
            } else if (jwk instanceof ECKey ec) {
                JWSAlgorithm alg = ecAlgorithm(ec.getCurve());
                key = new VerificationKey(jwk.getKeyID(), Set.of(alg), new ECDSAVerifier(ec.toECPublicKey())::verify);
            } else if (jwk instanceof OctetKeyPair okp && Ed25519.isEd25519(okp)) {
                PublicKey publicKey = Ed25519.publicKey(okp);
                key = new VerificationKey(jwk.getKeyID(), Set.of(JWSAlgorithm.EdDSA),
                        (header, input, signature) -> Ed25519.verify(publicKey, input, signature.decode()));
            } else {
                throw new UnusableKeyException("its type " + jwk.getKeyType() + " is not an accepted signature key"
                        + " (RSA, EC P-256/P-384/P-521, OKP Ed25519; symmetric keys are never used)");
            }
            return key.restrictedTo(jwk.getAlgorithm() == null ? null : JWSAlgorithm.parse(jwk.getAlgorithm().getName()));
        } catch (JOSEException | GeneralSecurityException e) {
            throw new UnusableKeyException("it can't be read as a public key (" + e.getMessage() + ")");
        }
    }

    private static JWSAlgorithm ecAlgorithm(Curve curve) throws UnusableKeyException {
        if (Curve.P_256.equals(curve)) {
            return JWSAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return JWSAlgorithm.ES384;
        }
        if (Curve.P_521.equals(curve)) {
            return JWSAlgorithm.ES512;
        }
        throw new UnusableKeyException("its curve " + curve + " is not accepted");
    }

    /** A key that names its algorithm ({@code alg}) is used for that algorithm only. */
    private VerificationKey restrictedTo(JWSAlgorithm declared) throws UnusableKeyException {
        if (declared == null) {
            return this;
        }
        if (!algorithms.contains(declared)) {
            throw new UnusableKeyException("its alg " + declared + " does not fit the key type");
        }
        return new VerificationKey(keyId, Set.of(declared), check);
    }

    String keyId() {
        return keyId;
    }

    boolean fits(JWSAlgorithm algorithm) {
        return algorithms.contains(algorithm);
    }

    /** True only when the signature is valid; a malformed signature is simply invalid. */
    boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        try {
            return check.verify(header, signingInput, signature);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }
}
