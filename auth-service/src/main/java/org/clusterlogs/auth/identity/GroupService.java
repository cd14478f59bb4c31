package org.clusterlogs.auth.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.acl.Superusers;
import org.clusterlogs.auth.api.IamException;

import java.util.List;

/** Groups and memberships: the rules of the management API around {@link GroupRepository}. */
@ApplicationScoped
public class GroupService {

    private final GroupRepository groups;
    private final UserService users;

    public GroupService(GroupRepository groups, UserService users) {
        this.groups = groups;
        this.users = users;
    }

    public Group get(String gid) {
        return groups.find(Uids.requireGid(gid)).orElseThrow(() -> unknown(gid));
    }

    public List<Group> list() {
        return groups.list();
    }

    public void create(String gid, String description) {
        Uids.requireGid(gid);
        if (!groups.insert(new Group(gid, UserService.describe(description)))) {
            throw new IamException(409, "ERR_GROUP_EXISTS", "group " + gid + " exists already");
        }
    }

    public void update(String gid, String description) {
        get(gid);
        if (description == null) {
            throw new IamException(400, "ERR_INVALID_DATA", "give a description");
        }
        groups.updateDescription(gid, UserService.describe(description));
    }

    public void delete(String gid) {
        get(gid);
        if (gid.equals(Superusers.GROUP)) {
            throw isSuperuserGroup();
        }
        groups.delete(gid);
    }

    public List<User> members(String gid, User.Kind kind) {
        get(gid);
        return groups.members(gid, kind);
    }

    public List<Group> groupsOf(String uid) {
        users.get(uid);
        return groups.groupsOf(uid);
    }

    public void addMember(String gid, String uid) {
        get(gid);
        users.get(uid);
        if (!groups.addMember(gid, uid)) {
            throw new IamException(409, "ERR_MEMBERSHIP_EXISTS", uid + " is a member of " + gid + " already");
        }
    }

    public void removeMember(String gid, String uid) {
        get(gid);
        users.get(uid);
        switch (groups.removeMember(gid, uid)) {
            case NOT_FOUND -> throw new IamException(400, "ERR_USER_NOT_IN_GROUP", uid + " is not a member of " + gid);
            case LAST_SUPERUSER -> throw UserService.lastSuperuser();
            case DONE -> { }
        }
    }

    public static IamException unknown(String gid) {
        return new IamException(400, "ERR_UNKNOWN_GROUP_ID", "no group " + gid);
    }

    public static IamException isSuperuserGroup() {
        return new IamException(400, "ERR_IS_SUPERUSER_GROUP",
                "the superusers group always holds full on dcos:superuser and cannot be deleted");
    }
}
