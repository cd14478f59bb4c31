package org.clusterlogs.store;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a service's one operator key ({@code auth.store}, {@code policy.store}: {@code h2} or
 * {@code postgresql}) into Quarkus' datasource switches: both named datasources, {@code h2} and
 * {@code postgresql}, are built in ({@code db-kind} is fixed at build time), and exactly the chosen
 * one is {@code active} at run time, so only its pool starts and only its Flyway migrates. A
 * service subclasses this with its key and registers the subclass in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public abstract class StoreSelection implements ConfigSourceFactory {

    /** Below application.properties (250) and the environment (300): an explicit setting still wins. */
    static final int ORDINAL = 200;

    private final String key;

    protected StoreSelection(String key) {
        this.key = key;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(key);
        String store = value == null || value.getValue() == null ? "h2"
                : value.getValue().trim().toLowerCase(Locale.ROOT);
        return List.of(new PropertiesConfigSource(activeFlags(key, store), key + " selection", ORDINAL));
    }

    /** The name of the active datasource for a store kind. */
    public static String datasourceName(String store) {
        return store.trim().toLowerCase(Locale.ROOT);
    }

    static Map<String, String> activeFlags(String key, String store) {
        if (!store.equals("h2") && !store.equals("postgresql")) {
            throw new IllegalArgumentException(key + " must be h2 or postgresql, got '" + store + "'");
        }
        boolean h2 = store.equals("h2");
        return Map.of("quarkus.datasource.h2.active", Boolean.toString(h2),
                "quarkus.datasource.postgresql.active", Boolean.toString(!h2));
    }
}
