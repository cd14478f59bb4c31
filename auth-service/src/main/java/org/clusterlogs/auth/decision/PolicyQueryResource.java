package org.clusterlogs.auth.decision;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.clusterlogs.auth.acl.Action;
import org.clusterlogs.auth.acl.Rids;
import org.clusterlogs.auth.api.IamException;
import org.clusterlogs.auth.audit.AuditLog;
import org.clusterlogs.auth.login.ClientAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * {@code GET /acs/api/v1/internal/policyquery?rid=&uid=&action=}: the decision every other
 * service asks for. Unknown users and rids are {@code false}, not errors; a missing parameter or
 * an action that is not one of the five is a 400. A remembered decision is answered on the event
 * loop; only one read from the store goes to a worker thread.
 */
@Path("/acs/api/v1/internal/policyquery")
@Tag(name = "decisions")
@SecurityRequirement(name = "acsjwt")
public class PolicyQueryResource {

    private final LocalDecisions decisions;
    private final AuditLog audit;
    private final ClientAddress clientAddress;

    public PolicyQueryResource(LocalDecisions decisions, AuditLog audit, ClientAddress clientAddress) {
        this.decisions = decisions;
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkPermission",
            summary = "Whether uid may perform action on rid (superuser, groups and full included)")
    public Uni<Map<String, Boolean>> query(@QueryParam("rid") String rid, @QueryParam("uid") String uid,
            @QueryParam("action") String action, @Context HttpServerRequest http) {
        if (rid == null || uid == null || action == null) {
            throw new IamException(400, "ERR_MISSING_QUERY_PARAMETERS", "rid, uid and action are required");
        }
        Rids.require(rid);
        if (Action.of(action).isEmpty()) {
            throw new IamException(400, "ERR_INVALID_DATA", "action must be one of create, read, update, delete, full");
        }
        String client = clientAddress.of(http.remoteAddress().hostAddress(), http.headers().getAll("X-Forwarded-For"));
        String uri = http.uri();
        return decisions.decision(uid, rid, action).map(decision -> {
            audit.decision(rid, action, decision.allowed(), decision.reason(), client, uid, uri);
            return Map.of("allowed", decision.allowed());
        });
    }
}
