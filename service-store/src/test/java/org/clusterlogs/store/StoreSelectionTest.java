package org.clusterlogs.store;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreSelectionTest {

    @Test
    void exactlyTheChosenDatasourceIsActive() {
        assertEquals(Map.of("quarkus.datasource.h2.active", "true", "quarkus.datasource.postgresql.active", "false"),
                StoreSelection.activeFlags("x.store", "h2"));
        assertEquals(Map.of("quarkus.datasource.h2.active", "false", "quarkus.datasource.postgresql.active", "true"),
                StoreSelection.activeFlags("x.store", "postgresql"));
    }

    @Test
    void anythingElseNamesTheKeyInItsError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreSelection.activeFlags("policy.store", "mysql"));
        assertEquals("policy.store must be h2 or postgresql, got 'mysql'", e.getMessage());
    }
}
