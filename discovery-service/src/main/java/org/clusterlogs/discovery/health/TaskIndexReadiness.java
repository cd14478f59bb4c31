package org.clusterlogs.discovery.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.discovery.index.SourceStatus;
import org.clusterlogs.discovery.index.TaskIndex;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;

/**
 * Ready once every configured source has loaded once; then it stays ready while a source
 * fails (the last good snapshot still answers), and the data say how stale each source is.
 */
@Readiness
@ApplicationScoped
public class TaskIndexReadiness implements HealthCheck {

    private final TaskIndex index;

    public TaskIndexReadiness(TaskIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("task-index").status(index.ready());
        for (Map.Entry<String, SourceStatus> entry : index.status().entrySet()) {
            String source = entry.getKey();
            SourceStatus status = entry.getValue();
            response.withData(source + ".loaded", status.loaded());
            index.age(source).ifPresent(age -> response.withData(source + ".age-seconds", age.toSeconds()));
            if (status.loaded()) {
                response.withData(source + ".running-tasks", status.snapshot().running().size());
                response.withData(source + ".completed-tasks", status.snapshot().completed().size());
            }
            if (status.failures() > 0) {
                // the reason is in the service log: health is public, and a reason names internal addresses
                response.withData(source + ".failed-refreshes", status.failures());
            }
        }
        return response.build();
    }
}
