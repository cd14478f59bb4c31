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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clusterlogs.auth.identity.GroupService;
import org.clusterlogs.auth.identity.User;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Groups and memberships: {@code /acs/api/v1/groups}. */
@Path("/acs/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "groups")
@SecurityRequirement(name = "acsjwt")
public class GroupsResource {

    private final GroupService groups;
    private final PermissionViews permissions;

    public GroupsResource(GroupService groups, PermissionViews permissions) {
        this.groups = groups;
        this.permissions = permissions;
    }

    @GET
    @Operation(operationId = "listGroups", summary = "Groups")
    public Views.ArrayOf<Views.GroupView> list() {
        return new Views.ArrayOf<>(groups.list().stream().map(Views.GroupView::of).toList());
    }

    @GET
    @Path("{gid}")
    @Operation(operationId = "getGroup", summary = "One group")
    public Views.GroupView get(@PathParam("gid") String gid) {
        return Views.GroupView.of(groups.get(gid));
    }

    @PUT
    @Path("{gid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createGroup", summary = "Create a group")
    public Response create(@PathParam("gid") String gid, Bodies.Description body) {
        groups.create(gid, Bodies.description(body));
        return Response.status(201).build();
    }

    @PATCH
    @Path("{gid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateGroup", summary = "Change a group's description")
    public Response update(@PathParam("gid") String gid, Bodies.Description body) {
        groups.update(gid, Bodies.description(body));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{gid}")
    @Operation(operationId = "deleteGroup", summary = "Delete a group with its memberships and grants (not superusers)")
    public Response delete(@PathParam("gid") String gid) {
        groups.delete(gid);
        return Response.noContent().build();
    }

    @GET
    @Path("{gid}/users")
    @Operation(operationId = "listGroupMembers", summary = "A group's members (type=service: its service accounts)")
    public Views.ArrayOf<Views.GroupMembership> members(@PathParam("gid") String gid, @QueryParam("type") String type) {
        return new Views.ArrayOf<>(groups.members(gid, User.Kind.ofQuery(type)).stream()
                .map(u -> new Views.GroupMembership(Views.membershipUrl(gid, u.uid()), Views.UserView.of(u))).toList());
    }

    @PUT
    @Path("{gid}/users/{uid}")
    @Operation(operationId = "addGroupMember", summary = "Add a member")
    public Response addMember(@PathParam("gid") String gid, @PathParam("uid") String uid) {
        groups.addMember(gid, uid);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{gid}/users/{uid}")
    @Operation(operationId = "removeGroupMember", summary = "Remove a member (never the last member of superusers)")
    public Response removeMember(@PathParam("gid") String gid, @PathParam("uid") String uid) {
        groups.removeMember(gid, uid);
        return Response.noContent().build();
    }

    @GET
    @Path("{gid}/permissions")
    @Operation(operationId = "getGroupPermissions", summary = "A group's grants")
    public Views.ArrayOf<PermissionViews.Grant> permissions(@PathParam("gid") String gid) {
        List<PermissionViews.Grant> grants = permissions.ofGroup(gid);
        return new Views.ArrayOf<>(grants);
    }
}
