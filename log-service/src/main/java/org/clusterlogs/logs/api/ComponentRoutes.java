package org.clusterlogs.logs.api;

import io.quarkus.vertx.web.Param;
import io.quarkus.vertx.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.component.ComponentSources;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** This node's components: the journal, a unit in it, or a component log file. */
@Tag(name = "component", description = "This node's journal and component log files")
public class ComponentRoutes {

    private final ComponentSources components;
    private final LogResponder logs;
    private final ProblemResponder problems;

    public ComponentRoutes(ComponentSources components, LogResponder logs, ProblemResponder problems) {
        this.components = components;
        this.logs = logs;
        this.problems = problems;
    }

    @Route(path = "/system/v1/logs/v2/component", methods = Route.HttpMethod.GET)
    @Operation(summary = "Read or follow this node's whole journal", description = RouteDocs.JOURNAL)
    void journal(RoutingContext rc) {
        try {
            FieldFilter filter = logs.filter(rc);
            logs.respond(rc, () -> components.journal(filter));
        } catch (RuntimeException e) {
            problems.fail(rc, e);
        }
    }

    @Route(path = "/system/v1/logs/v2/component/:name", methods = Route.HttpMethod.GET)
    @Operation(summary = "Read or follow one component's log", description = RouteDocs.COMPONENT)
    void component(RoutingContext rc, @Param String name) {
        try {
            FieldFilter filter = logs.filter(rc);
            logs.respond(rc, () -> components.component(name, filter));
        } catch (RuntimeException e) {
            problems.fail(rc, e);
        }
    }
}
