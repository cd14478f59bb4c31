package org.clusterlogs.auth.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clusterlogs.auth.acl.Ace;
import org.clusterlogs.auth.acl.AclService;
import org.clusterlogs.auth.acl.Action;
import org.clusterlogs.auth.acl.Rids;
import org.clusterlogs.auth.identity.Uids;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * ACLs and grants: {@code /acs/api/v1/acls}. A rid containing {@code /} is written with the slash
 * twice encoded ({@code %252F}). Grants to users ({@code users/{uid}}) and to groups
 * ({@code groups/{gid}}) share one set of routes.
 */
@Path("/acs/api/v1/acls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "acls")
@SecurityRequirement(name = "acsjwt")
public class AclsResource {

    private final AclService acls;
    private final PermissionViews permissions;

    public AclsResource(AclService acls, PermissionViews permissions) {
        this.acls = acls;
        this.permissions = permissions;
    }

    @GET
    @Operation(operationId = "listAcls", summary = "ACLs")
    public Views.ArrayOf<Views.AclView> list() {
        return new Views.ArrayOf<>(acls.list().stream().map(Views.AclView::of).toList());
    }

    @GET
    @Path("{rid}")
    @Operation(operationId = "getAcl", summary = "One ACL")
    public Views.AclView get(@PathParam("rid") String rid) {
        return Views.AclView.of(acls.get(Rids.fromPath(rid)));
    }

    @PUT
    @Path("{rid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAcl", summary = "Create the ACL of a rid (before granting on it)")
    public Response create(@PathParam("rid") String rid, Bodies.Description body) {
        acls.create(Rids.fromPath(rid), Bodies.description(body));
        return Response.status(201).build();
    }

    @PATCH
    @Path("{rid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateAcl", summary = "Change an ACL's description")
    public Response update(@PathParam("rid") String rid, Bodies.Description body) {
        acls.update(Rids.fromPath(rid), Bodies.description(body));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{rid}")
    @Operation(operationId = "deleteAcl", summary = "Delete an ACL with its grants (not dcos:superuser)")
    public Response delete(@PathParam("rid") String rid) {
        acls.delete(Rids.fromPath(rid));
        return Response.noContent().build();
    }

    @GET
    @Path("{rid}/permissions")
    @Operation(operationId = "getAclPermissions", summary = "Who holds which actions on the rid")
    public PermissionViews.AclPermissions permissions(@PathParam("rid") String rid) {
        return permissions.ofAcl(Rids.fromPath(rid));
    }

    @GET
    @Path("{rid}/{kind: users|groups}/{id}")
    @Operation(operationId = "listGrantedActions", summary = "The actions a user or group holds on the rid")
    public Views.ArrayOf<Views.ActionView> actions(@PathParam("rid") String rid, @PathParam("kind") String kind,
            @PathParam("id") String id) {
        String r = Rids.fromPath(rid);
        Ace.Principal principal = principal(kind, id);
        return new Views.ArrayOf<>(acls.actions(r, principal, id).stream()
                .map(a -> Views.action(r, kind, id, a)).toList());
    }

    @DELETE
    @Path("{rid}/{kind: users|groups}/{id}")
    @Operation(operationId = "revokeAllActions", summary = "Revoke every action a user or group holds on the rid")
    public Response revokeAll(@PathParam("rid") String rid, @PathParam("kind") String kind, @PathParam("id") String id) {
        acls.revokeAll(Rids.fromPath(rid), principal(kind, id), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{rid}/{kind: users|groups}/{id}/{action}")
    @Operation(operationId = "hasGrantedAction", summary = "Whether this exact grant exists")
    public Map<String, Boolean> hasAction(@PathParam("rid") String rid, @PathParam("kind") String kind,
            @PathParam("id") String id, @PathParam("action") String action) {
        Action a = Action.of(action).orElseThrow(AclsResource::invalidAction);
        return Map.of("allowed", acls.actions(Rids.fromPath(rid), principal(kind, id), id).contains(a));
    }

    @PUT
    @Path("{rid}/{kind: users|groups}/{id}/{action}")
    @Operation(operationId = "grantAction", summary = "Grant an action (create, read, update, delete or full)")
    public Response grant(@PathParam("rid") String rid, @PathParam("kind") String kind, @PathParam("id") String id,
            @PathParam("action") String action) {
        acls.grant(Rids.fromPath(rid), principal(kind, id), id, action);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{rid}/{kind: users|groups}/{id}/{action}")
    @Operation(operationId = "revokeAction", summary = "Revoke an action")
    public Response revoke(@PathParam("rid") String rid, @PathParam("kind") String kind, @PathParam("id") String id,
            @PathParam("action") String action) {
        acls.revoke(Rids.fromPath(rid), principal(kind, id), id, action);
        return Response.noContent().build();
    }

    private static Ace.Principal principal(String kind, String id) {
        if (kind.equals("users")) {
            Uids.requireUid(id);
            return Ace.Principal.USER;
        }
        Uids.requireGid(id);
        return Ace.Principal.GROUP;
    }

    private static IamException invalidAction() {
        return new IamException(400, "ERR_INVALID_DATA", "action must be one of create, read, update, delete, full");
    }
}
