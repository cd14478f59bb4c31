package org.clusterlogs.policy.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.clusterlogs.policy.config.PolicyConfig;
import org.clusterlogs.store.Sql;
import org.clusterlogs.store.StoreSelection;

/**
 * The one active datasource ({@code policy.store}), looked up by name at run time: a static
 * injection of the inactive one would fail the start.
 */
@ApplicationScoped
public class StoreDataSource {

    @Produces
    @ApplicationScoped
    Sql sql(PolicyConfig config, @Any Instance<AgroalDataSource> dataSources) {
        return new Sql(dataSources.select(new DataSource.DataSourceLiteral(
                StoreSelection.datasourceName(config.store()))).get());
    }
}
