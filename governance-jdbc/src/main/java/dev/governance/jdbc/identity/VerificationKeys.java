package dev.governance.jdbc.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/** The usable keys of one JWK set, and why the others were left out. */
record VerificationKeys(List<VerificationKey> keys, List<String> skipped) {

    VerificationKeys {
        keys = List.copyOf(keys);
        skipped = List.copyOf(skipped);
    }

    static VerificationKeys parse(String json) throws ParseException {
        JWKSet set = JWKSet.parse(json);
        List<VerificationKey> keys = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            try {
                keys.add(VerificationKey.from(jwk));
            } catch (VerificationKey.UnusableKeyException e) {
                skipped.add("key " + (jwk.getKeyID() == null ? "without kid" : "\"" + jwk.getKeyID() + "\"")
                        + " left out: " + e.getMessage());
            }
        }
        return new VerificationKeys(keys, skipped);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    boolean hasKeyId(String keyId) {
        for (VerificationKey key : keys) {
            if (keyId.equals(key.keyId())) {
                return true;
            }
        }
        return false;
    }

    /** The keys that may check {@code algorithm}: those with the token's kid, or every fitting key without one. */
    List<VerificationKey> candidates(String keyId, JWSAlgorithm algorithm) {
        List<VerificationKey> out = new ArrayList<>(2);
        for (VerificationKey key : keys) {
            if (key.fits(algorithm) && (keyId == null || keyId.equals(key.keyId()))) {
                out.add(key);
            }
        }
        return out;
    }
}
