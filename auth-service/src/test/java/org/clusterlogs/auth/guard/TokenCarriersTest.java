package org.clusterlogs.auth.guard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The carrier rules of the contract. */
class TokenCarriersTest {

    @Test
    void headerForms() {
        assertEquals(new TokenCarriers.Carried("a.b.c", false), TokenCarriers.extract(List.of("token=a.b.c"), null));
        assertEquals(new TokenCarriers.Carried("a.b.c", false), TokenCarriers.extract(List.of("bEaReR a.b.c"), null));
        assertNull(TokenCarriers.extract(List.of("Token=a.b.c"), null), "token= is case-sensitive");
        assertNull(TokenCarriers.extract(List.of("x token=a.b.c"), null), "anchored");
        assertNull(TokenCarriers.extract(List.of("Bearer"), null));
        assertNull(TokenCarriers.extract(List.of("token="), null));
    }

    @Test
    void theCookieOnlyWithoutAnyAuthorizationHeader() {
        assertEquals(new TokenCarriers.Carried("c.c.c", true), TokenCarriers.extract(List.of(), "c.c.c"));
        assertEquals(new TokenCarriers.Carried("h.h.h", false), TokenCarriers.extract(List.of("token=h.h.h"), "c.c.c"));
        assertNull(TokenCarriers.extract(List.of("Basic x"), "c.c.c"));
        assertNull(TokenCarriers.extract(List.of("token=a.b.c", "token=a.b.c"), "c.c.c"));
        assertNull(TokenCarriers.extract(null, null));
    }
}
