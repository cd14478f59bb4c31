package org.clusterlogs.logs.api;

import io.quarkus.vertx.web.Param;
import io.quarkus.vertx.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.logs.source.component.ComponentSources;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** This node's components: the journal, a unit in it, or a component log file. */
@Tag(name = "component", description = "This node's journal and component log files")
public class ComponentRoutes {

    private final ComponentSources components;
    private final LogResponder logs;

    public ComponentRoutes(ComponentSources components, LogResponder logs) {
        this.components = components;
        this.logs = logs;
    }

    @Route(path = "/system/v1/logs/v2/component", methods = Route.HttpMethod.GET)
    @Operation(operationId = "readJournal",
            summary = "Read or follow this node's whole journal", description = RouteDocs.JOURNAL)
    void journal(RoutingContext rc) {
        logs.respond(rc, components::journal);
    }

    @Route(path = "/system/v1/logs/v2/component/:name", methods = Route.HttpMethod.GET)
    @Operation(operationId = "readComponentLog",
            summary = "Read or follow one component's log", description = RouteDocs.COMPONENT)
    void component(RoutingContext rc, @Param String name) {
        logs.respond(rc, filter -> components.component(name, filter));
    }
}
