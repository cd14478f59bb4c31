package org.clusterlogs.logs.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.logs.source.root.ConfiguredRoots;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which kinds of log this node serves, in {@code /q/health}: each source's directory and
 * whether it exists. Always up: a node without Mesos sandboxes (or without pods) is a normal
 * node, and its other logs are served.
 */
@Readiness
@ApplicationScoped
public class LogSourcesCheck implements HealthCheck {

    private final ConfiguredRoots roots;

    public LogSourcesCheck(ConfiguredRoots roots) {
        this.roots = roots;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("log sources").up();
        roots.sources().forEach((source, s) ->
                response.withData(source, s.path() + (s.served() ? " (served)" : " (does not exist: not served)")));
        return response.build();
    }
}
