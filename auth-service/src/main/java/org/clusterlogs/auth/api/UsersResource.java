package org.clusterlogs.auth.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clusterlogs.auth.decision.LocalDecisions;
import org.clusterlogs.auth.identity.GroupService;
import org.clusterlogs.auth.identity.User;
import org.clusterlogs.auth.identity.UserService;
import org.clusterlogs.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users and service accounts: {@code /acs/api/v1/users}. */
@Path("/acs/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
@SecurityRequirement(name = "acsjwt")
public class UsersResource {

    private final UserService users;
    private final GroupService groups;
    /** The permission the IAM API needs (or superuser); see application.properties. */
    static final String IAM_ADMINISTRATION = "dcos:adminrouter:acs";

    private final PermissionViews permissions;
    private final LocalDecisions decisions;

    public UsersResource(UserService users, GroupService groups, PermissionViews permissions,
            LocalDecisions decisions) {
        this.users = users;
        this.groups = groups;
        this.permissions = permissions;
        this.decisions = decisions;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "Users (type=service: service accounts)")
    public Views.ArrayOf<Views.UserView> list(@QueryParam("type") String type) {
        return new Views.ArrayOf<>(users.list(User.Kind.ofQuery(type)).stream().map(Views.UserView::of).toList());
    }

    @GET
    @Path("{uid}")
    @Operation(operationId = "getUser", summary = "One user or service account")
    public Views.UserView get(@PathParam("uid") String uid) {
        return Views.UserView.of(users.get(uid));
    }

    @PUT
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser",
            summary = "Create a user ({description, password}) or a service account ({description, public_key})")
    public Response create(@PathParam("uid") String uid, Bodies.NewUser body) {
        Bodies.NewUser b = body == null ? new Bodies.NewUser(null, null, null) : body;
        users.create(uid, b.description(), b.password(), b.publicKey());
        return Response.status(201).build();
    }

    @PATCH
    @Path("{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateUser", summary = "Change a user's description or password")
    public Response update(@PathParam("uid") String uid, Bodies.UserChange body) {
        users.update(uid, body == null ? null : body.description(), body == null ? null : body.password());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{uid}")
    @Operation(operationId = "deleteUser", summary = "Delete a user with its memberships and grants")
    public Response delete(@PathParam("uid") String uid) {
        users.delete(uid);
        return Response.noContent().build();
    }

    @GET
    @Path("{uid}/groups")
    @Operation(operationId = "listUserGroups", summary = "The groups a user is in")
    public Views.ArrayOf<Views.UserMembership> groups(@PathParam("uid") String uid) {
        return new Views.ArrayOf<>(groups.groupsOf(uid).stream()
                .map(g -> new Views.UserMembership(Views.membershipUrl(g.gid(), uid), Views.GroupView.of(g))).toList());
    }

    @GET
    @Path("{uid}/permissions")
    @Operation(operationId = "getUserPermissions",
            summary = "A user's grants, direct and through its groups (a caller may always read its own)")
    public Response permissions(@PathParam("uid") String uid, @Context RoutingContext request) {
        // the route needs only a valid token: anyone may read their own, others need the IAM permission
        String caller = Caller.of(request).map(Caller::uid).orElse(null);
        if (caller != null && !caller.equals(uid)
                && !decisions.decide(caller, IAM_ADMINISTRATION, "full").allowed()) {
            throw new IamException(403, "ERR_FORBIDDEN", "the caller lacks the permission this route needs");
        }
        users.get(uid);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(5);
        return Response.ok(permissions.ofUser(uid)).cacheControl(cache).build();
    }
}
