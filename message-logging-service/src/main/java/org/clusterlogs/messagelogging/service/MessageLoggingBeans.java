package org.clusterlogs.messagelogging.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.clusterlogs.messagelogging.MessageLoggingRuntime;
import org.clusterlogs.messagelogging.MessageLoggingSettings;
import org.clusterlogs.security.account.ServiceAccountToken;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * The data plane as beans of the service: one runtime on the service's Vert.x and meter registry,
 * the deployed set, and the follower started with the application (after the saved set is
 * applied, so the first request already runs it) and stopped before the runtime closes.
 */
@Singleton
public class MessageLoggingBeans {

    private static final Logger LOG = Logger.getLogger(MessageLoggingBeans.class);

    private DeployedSetFollower follower;

    @Produces
    @Singleton
    ServiceSettings serviceSettings(Config config) {
        return ServiceSettings.from(key -> config.getOptionalValue(key, String.class));
    }

    @Produces
    @Singleton
    MessageLoggingRuntime runtime(Vertx vertx, MeterRegistry registry, Config config) {
        return new MessageLoggingRuntime(vertx, registry,
                MessageLoggingSettings.from(key -> config.getOptionalValue(key, String.class)), Clock.systemUTC());
    }

    void close(@Disposes MessageLoggingRuntime runtime) {
        runtime.close();
    }

    @Produces
    @Singleton
    DeployedSet deployedSet(MessageLoggingRuntime runtime, ServiceSettings settings) {
        return new DeployedSet(runtime, settings);
    }

    @Produces
    @Singleton
    MessageLoggingMetrics metrics(MeterRegistry registry, DeployedSet set) {
        return new MessageLoggingMetrics(registry, set);
    }

    void start(@Observes StartupEvent event, ServiceSettings settings, DeployedSet set, MessageLoggingMetrics metrics,
               ObjectMapper json, Config config, Instance<ServiceAccountToken> token) {
        if (settings.policyServiceUrl().isEmpty()) {
            LOG.infof("message logging: off (%s unset): no policy runs", ServiceSettings.POLICY_SERVICE_URL);
            return;
        }
        PolicyServiceClient client = new PolicyServiceClient(settings.policyServiceUrl().get(), settings.environment(), json);
        // a service account needs its key to log in: without one (a laptop with auth off) the polls
        // go without a token, rather than failing every time on the missing key
        boolean account = config.getOptionalValue("auth.service-account.uid", String.class).isPresent()
                && config.getOptionalValue("auth.service-account.private-key", String.class).isPresent();
        Credentials credentials = account ? new ServiceAccountCredentials(token.get()) : Credentials.NONE;
        follower = new DeployedSetFollower(set, new StateFile(settings.stateFile(), json), client, credentials, metrics);
        follower.start();
        LOG.infof("message logging: following %s, environment %s, as %s, %s", settings.policyServiceUrl().get(),
                settings.environment(), settings.service(),
                account ? "with its service account's token" : "without a token (no auth.service-account.private-key)");
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (follower != null) {
            follower.stop();
        }
    }
}
