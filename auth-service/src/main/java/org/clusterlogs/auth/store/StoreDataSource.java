package org.clusterlogs.auth.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.clusterlogs.auth.config.AuthConfig;
import org.clusterlogs.store.Sql;

import java.util.Locale;

/**
 * The one active datasource ({@code auth.store}), looked up by name at run time: a static
 * injection of the inactive one would fail the start. The repositories get {@link Sql} from here.
 */
@ApplicationScoped
public class StoreDataSource {

    @Produces
    @ApplicationScoped
    Sql sql(AuthConfig config, @Any Instance<AgroalDataSource> dataSources) {
        String name = config.store().name().toLowerCase(Locale.ROOT);
        return new Sql(dataSources.select(new DataSource.DataSourceLiteral(name)).get());
    }
}
