package org.clusterlogs.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.clusterlogs.auth.acl.Acl;
import org.clusterlogs.auth.acl.Action;
import org.clusterlogs.auth.acl.Rids;
import org.clusterlogs.auth.identity.Group;
import org.clusterlogs.auth.identity.User;

import java.util.List;

/** The JSON shapes of the management API (DC/OS IAM's names), and the URLs they link to. */
public final class Views {

    static final String BASE = "/acs/api/v1";

    private Views() {
    }

    /** Every list is wrapped in an object (a JSON-hijacking guard of the reference). */
    public record ArrayOf<T>(List<T> array) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(String uid, String url, String description, @JsonProperty("is_remote") boolean isRemote,
                           @JsonProperty("is_service") boolean isService,
                           @JsonProperty("provider_type") String providerType,
                           @JsonProperty("provider_id") String providerId,
                           @JsonProperty("public_key") String publicKey) {

        static UserView of(User user) {
            return new UserView(user.uid(), userUrl(user.uid()), user.description(), false, user.isService(),
                    "internal", "", user.publicKeyPem());
        }
    }

    public record GroupView(String gid, String url, String description,
                            @JsonProperty("provider_type") String providerType) {

        static GroupView of(Group group) {
            return new GroupView(group.gid(), groupUrl(group.gid()), group.description(), "internal");
        }
    }

    public record AclView(String rid, String url, String description) {

        static AclView of(Acl acl) {
            return new AclView(acl.rid(), aclUrl(acl.rid()), acl.description());
        }
    }

    public record ActionView(String name, String url) {
    }

    public record UserMembership(String membershipurl, GroupView group) {
    }

    public record GroupMembership(String membershipurl, UserView user) {
    }

    static String userUrl(String uid) {
        return BASE + "/users/" + uid;
    }

    static String groupUrl(String gid) {
        return BASE + "/groups/" + gid;
    }

    static String aclUrl(String rid) {
        return BASE + "/acls/" + Rids.toPath(rid);
    }

    static String membershipUrl(String gid, String uid) {
        return groupUrl(gid) + "/users/" + uid;
    }

    /** An action of a user's or group's grant, linked to its ACE. */
    static ActionView action(String rid, String principalPath, String id, Action action) {
        return new ActionView(action.wire(), aclUrl(rid) + "/" + principalPath + "/" + id + "/" + action.wire());
    }
}
