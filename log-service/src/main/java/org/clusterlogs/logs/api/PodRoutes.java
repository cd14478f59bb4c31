package org.clusterlogs.logs.api;

import io.quarkus.vertx.web.Param;
import io.quarkus.vertx.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.source.pod.PodLogSource;
import org.clusterlogs.logs.source.root.ConfiguredRoots;
import org.clusterlogs.logs.source.root.RootedPath;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Kubernetes pod container logs from the kubelet's CRI files. */
@Tag(name = "pods", description = "Kubernetes pod container logs (CRI files)")
public class PodRoutes {

    private final LogResponder logs;
    private final LogsConfig config;
    private final ConfiguredRoots roots;

    public PodRoutes(LogResponder logs, LogsConfig config, ConfiguredRoots roots) {
        this.logs = logs;
        this.config = config;
        this.roots = roots;
    }

    @Route(path = "/system/v1/logs/v2/pods/:namespace/:pod/:container", methods = Route.HttpMethod.GET)
    @Operation(operationId = "readPodLog",
            summary = "Read or follow a pod container's log", description = RouteDocs.POD)
    void read(RoutingContext rc, @Param String namespace, @Param String pod, @Param String container) {
        logs.respond(rc, filter -> {
            RootedPath dir = PodLogSource.locate(roots.pods(), namespace, pod, container);
            return new PodLogSource(dir, namespace, pod, container, filter, config.maxLineBytes());
        });
    }
}
