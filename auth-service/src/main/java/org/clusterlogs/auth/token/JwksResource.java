package org.clusterlogs.auth.token;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.util.List;
import java.util.Map;

/** {@code GET /acs/api/v1/auth/jwks}: the public keys that verify access tokens. Open to everyone. */
@Path("/acs/api/v1/auth/jwks")
@Tag(name = "auth")
public class JwksResource {

    private final SigningKeyRing keys;

    public JwksResource(SigningKeyRing keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJwks",
            summary = "Token verification keys (JWKS): the current key, the next one before it signs, and "
            + "retired keys until their last token has expired")
    public Map<String, List<Map<String, Object>>> jwks() {
        return Map.of("keys", keys.published().stream().map(JwksResource::jwk).toList());
    }

    static Map<String, Object> jwk(SigningKeyRing.LoadedKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
        jwk.setKeyId(key.kid());
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
