package org.clusterlogs.auth.acl;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.api.IamException;
import org.clusterlogs.auth.identity.GroupService;
import org.clusterlogs.auth.identity.UserService;

import java.util.List;

/**
 * ACLs and grants: the rules of the management API around {@link AclRepository}. Nothing strips
 * {@code superusers} of {@code dcos:superuser}.
 */
@ApplicationScoped
public class AclService {

    private final AclRepository acls;
    private final UserService users;
    private final GroupService groups;

    public AclService(AclRepository acls, UserService users, GroupService groups) {
        this.acls = acls;
        this.users = users;
        this.groups = groups;
    }

    public Acl get(String rid) {
        return acls.find(rid).orElseThrow(() -> unknown(rid));
    }

    public List<Acl> list() {
        return acls.list();
    }

    public void create(String rid, String description) {
        if (!acls.insert(new Acl(rid, UserService.describe(description)))) {
            throw new IamException(409, "ERR_ACL_EXISTS", "an ACL for " + rid + " exists already");
        }
    }

    public void update(String rid, String description) {
        get(rid);
        if (description == null) {
            throw new IamException(400, "ERR_INVALID_DATA", "give a description");
        }
        acls.updateDescription(rid, UserService.describe(description));
    }

    public void delete(String rid) {
        get(rid);
        if (rid.equals(Superusers.RID)) {
            throw GroupService.isSuperuserGroup();
        }
        acls.delete(rid);
    }

    public List<Ace> aces(String rid) {
        get(rid);
        return acls.aces(rid);
    }

    /** The principal's actions on the rid (the principal must exist). */
    public List<Action> actions(String rid, Ace.Principal principal, String id) {
        get(rid);
        requirePrincipal(principal, id);
        return acls.aces(rid).stream().filter(a -> a.principal() == principal && a.id().equals(id))
                .map(Ace::action).toList();
    }

    /** Grants an action; granting it again changes nothing. */
    public void grant(String rid, Ace.Principal principal, String id, String action) {
        Ace ace = ace(rid, principal, id, action);
        acls.grant(ace);
    }

    public void revoke(String rid, Ace.Principal principal, String id, String action) {
        Ace ace = ace(rid, principal, id, action);
        protectSuperusers(rid, principal, id);
        if (!acls.revoke(ace)) {
            throw new IamException(400, "ERR_ACTION_NOT_YET_STORED", "action " + action + " was not granted");
        }
    }

    public void revokeAll(String rid, Ace.Principal principal, String id) {
        get(rid);
        requirePrincipal(principal, id);
        protectSuperusers(rid, principal, id);
        if (acls.revokeAll(rid, principal, id) == 0) {
            throw principal == Ace.Principal.USER
                    ? new IamException(400, "ERR_USER_NOT_IN_ACL", id + " has no grant on " + rid)
                    : new IamException(400, "ERR_GROUP_NOT_IN_ACL", id + " has no grant on " + rid);
        }
    }

    public List<Ace> acesOf(Ace.Principal principal, String id) {
        requirePrincipal(principal, id);
        return acls.acesOf(principal, id);
    }

    private Ace ace(String rid, Ace.Principal principal, String id, String action) {
        Action a = Action.of(action).orElseThrow(() -> new IamException(400, "ERR_INVALID_DATA",
                "action must be one of create, read, update, delete, full"));
        get(rid);
        requirePrincipal(principal, id);
        return new Ace(rid, principal, id, a);
    }

    private void requirePrincipal(Ace.Principal principal, String id) {
        if (principal == Ace.Principal.USER) {
            users.get(id);
        } else {
            groups.get(id);
        }
    }

    private static void protectSuperusers(String rid, Ace.Principal principal, String id) {
        if (rid.equals(Superusers.RID) && principal == Ace.Principal.GROUP && id.equals(Superusers.GROUP)) {
            throw GroupService.isSuperuserGroup();
        }
    }

    static IamException unknown(String rid) {
        return new IamException(400, "ERR_UNKNOWN_RESOURCE_ID", "no ACL for " + rid);
    }
}
