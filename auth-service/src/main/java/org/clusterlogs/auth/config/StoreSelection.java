package org.clusterlogs.auth.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the one operator key {@code auth.store=h2|postgresql} into Quarkus' datasource switches:
 * both datasources are built in ({@code db-kind} is fixed at build time), and exactly the chosen
 * one is {@code active} at run time, so only its pool starts and only its Flyway migrates.
 * Registered through {@code META-INF/services}.
 */
public class StoreSelection implements ConfigSourceFactory {

    static final String KEY = "auth.store";
    /** Below application.properties (250) and the environment (300): an explicit setting still wins. */
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(KEY);
        String store = value == null || value.getValue() == null ? "h2"
                : value.getValue().trim().toLowerCase(Locale.ROOT);
        return List.of(new PropertiesConfigSource(activeFlags(store), "auth.store selection", ORDINAL));
    }

    static Map<String, String> activeFlags(String store) {
        if (!store.equals("h2") && !store.equals("postgresql")) {
            throw new IllegalArgumentException(KEY + " must be h2 or postgresql, got '" + store + "'");
        }
        boolean h2 = store.equals("h2");
        return Map.of("quarkus.datasource.h2.active", Boolean.toString(h2),
                "quarkus.datasource.postgresql.active", Boolean.toString(!h2));
    }
}
