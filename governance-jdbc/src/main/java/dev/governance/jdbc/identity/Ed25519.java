package dev.governance.jdbc.identity;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * EdDSA (Ed25519) on the JDK's own provider. Nimbus delegates Ed25519 to Google Tink, which is not a
 * dependency of ours; Java 17 has Ed25519 built in, so we convert the raw JWK bytes to JDK keys.
 */
final class Ed25519 {
    /** DER prefixes of SubjectPublicKeyInfo / PKCS#8 for Ed25519 (RFC 8410); the raw 32-byte key follows. */
    private static final byte[] PUBLIC_PREFIX = hex("302a300506032b6570032100");
    private static final byte[] PRIVATE_PREFIX = hex("302e020100300506032b657004220420");
    private static final int KEY_LENGTH = 32;

    private Ed25519() {
    }

    static boolean isEd25519(OctetKeyPair key) {
        return Curve.Ed25519.equals(key.getCurve());
    }

    static PublicKey publicKey(OctetKeyPair key) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(concat(PUBLIC_PREFIX, raw(key.getX()))));
    }

    static PrivateKey privateKey(OctetKeyPair key) throws GeneralSecurityException {
        if (key.getD() == null) {
            throw new GeneralSecurityException("the Ed25519 key has no private part (d)");
        }
        return KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(concat(PRIVATE_PREFIX, raw(key.getD()))));
    }

    static boolean verify(PublicKey key, byte[] signingInput, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sign(OctetKeyPair key, byte[] signingInput) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey(key));
        signer.update(signingInput);
        return signer.sign();
    }

    /** A fresh Ed25519 key pair as a private JWK (for development keys and tests). */
    static OctetKeyPair generate(String keyId) throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x = tail(pair.getPublic().getEncoded());
        byte[] d = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).keyID(keyId)
                .build();
    }

    private static byte[] raw(Base64URL value) throws GeneralSecurityException {
        byte[] bytes = value.decode();
        if (bytes.length != KEY_LENGTH) {
            throw new GeneralSecurityException("an Ed25519 key is 32 bytes, this one is " + bytes.length);
        }
        return bytes;
    }

    private static byte[] tail(byte[] encoded) {
        return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
