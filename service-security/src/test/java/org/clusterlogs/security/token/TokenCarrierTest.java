package org.clusterlogs.security.token;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCarrierTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJ1aWQiOiJhIn0.c2ln";

    @Test
    void headerFormsOfTheContract() throws InvalidTokenException {
        for (String header : List.of("token=" + JWT, "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT)) {
            assertEquals(Optional.of(new PresentedToken(JWT, false)), TokenCarrier.find(List.of(header), null), header);
        }
    }

    @Test
    void cookieOnlyWithoutAnyAuthorizationHeader() throws InvalidTokenException {
        assertEquals(Optional.of(new PresentedToken(JWT, true)), TokenCarrier.find(List.of(), JWT));
        assertEquals(Optional.empty(), TokenCarrier.find(List.of(), null));
        assertEquals(Optional.empty(), TokenCarrier.find(List.of(), ""));
        assertThrows(InvalidTokenException.class, () -> TokenCarrier.find(List.of("Basic YTpi"), JWT));
        assertThrows(InvalidTokenException.class, () -> TokenCarrier.find(List.of(""), JWT));
    }

    @Test
    void everythingElseIsRefused() {
        for (String header : List.of("Token=" + JWT, " token=" + JWT, "Bearer\t" + JWT, "Bearer" + JWT,
                "Foo token=" + JWT, "token=" + "a".repeat(TokenCarrier.MAX_TOKEN_CHARS) + ".b.c")) {
            assertThrows(InvalidTokenException.class, () -> TokenCarrier.find(List.of(header), null), header);
        }
        assertThrows(InvalidTokenException.class, () -> TokenCarrier.find(List.of("token=" + JWT, "token=" + JWT), null));
    }

    @Test
    void theReasonNeverHoldsTheToken() {
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> TokenCarrier.find(List.of("Token=" + JWT), null));
        assertTrue(!e.getMessage().contains(JWT), e.getMessage());
        assertTrue(!new PresentedToken(JWT, false).toString().contains(JWT));
    }
}
