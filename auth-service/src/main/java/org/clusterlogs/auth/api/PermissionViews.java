package org.clusterlogs.auth.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.acl.Ace;
import org.clusterlogs.auth.acl.AclService;
import org.clusterlogs.auth.identity.Group;
import org.clusterlogs.auth.identity.GroupService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The permission listings of users, groups and ACLs, built from the grants. */
@ApplicationScoped
public class PermissionViews {

    /** One rid's grants to one principal. */
    public record Grant(String rid, String description, String aclurl, List<Views.ActionView> actions) {
    }

    /** One rid's grants to one of a user's groups. */
    public record GroupGrant(String rid, String gid, String description, String aclurl, String membershipurl,
                             List<Views.ActionView> actions) {
    }

    /** {@code GET /users/{uid}/permissions}. */
    public record UserPermissions(List<Grant> direct, List<GroupGrant> groups) {
    }

    public record UserActions(String uid, String userurl, List<Views.ActionView> actions) {
    }

    public record GroupActions(String gid, String groupurl, List<Views.ActionView> actions) {
    }

    /** {@code GET /acls/{rid}/permissions}. */
    public record AclPermissions(List<UserActions> users, List<GroupActions> groups) {
    }

    private final AclService acls;
    private final GroupService groups;

    public PermissionViews(AclService acls, GroupService groups) {
        this.acls = acls;
        this.groups = groups;
    }

    public UserPermissions ofUser(String uid) {
        List<Grant> direct = grants(acls.acesOf(Ace.Principal.USER, uid), "users", uid);
        List<GroupGrant> viaGroups = new ArrayList<>();
        for (Group group : groups.groupsOf(uid)) {
            for (Grant g : ofGroup(group.gid())) {
                viaGroups.add(new GroupGrant(g.rid(), group.gid(), g.description(), g.aclurl(),
                        Views.membershipUrl(group.gid(), uid), g.actions()));
            }
        }
        return new UserPermissions(direct, viaGroups);
    }

    public List<Grant> ofGroup(String gid) {
        groups.get(gid);
        return grants(acls.acesOf(Ace.Principal.GROUP, gid), "groups", gid);
    }

    public AclPermissions ofAcl(String rid) {
        Map<String, List<Views.ActionView>> users = new LinkedHashMap<>();
        Map<String, List<Views.ActionView>> groupActions = new LinkedHashMap<>();
        for (Ace ace : acls.aces(rid)) {
            boolean user = ace.principal() == Ace.Principal.USER;
            (user ? users : groupActions).computeIfAbsent(ace.id(), k -> new ArrayList<>())
                    .add(Views.action(rid, user ? "users" : "groups", ace.id(), ace.action()));
        }
        return new AclPermissions(
                users.entrySet().stream().map(e -> new UserActions(e.getKey(), Views.userUrl(e.getKey()), e.getValue()))
                        .toList(),
                groupActions.entrySet().stream()
                        .map(e -> new GroupActions(e.getKey(), Views.groupUrl(e.getKey()), e.getValue())).toList());
    }

    private List<Grant> grants(List<Ace> aces, String principalPath, String id) {
        Map<String, List<Views.ActionView>> byRid = new LinkedHashMap<>();
        for (Ace ace : aces) {
            byRid.computeIfAbsent(ace.rid(), k -> new ArrayList<>())
                    .add(Views.action(ace.rid(), principalPath, id, ace.action()));
        }
        return byRid.entrySet().stream().map(e -> new Grant(e.getKey(), acls.get(e.getKey()).description(),
                Views.aclUrl(e.getKey()), e.getValue())).toList();
    }
}
