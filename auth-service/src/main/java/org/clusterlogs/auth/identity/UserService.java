package org.clusterlogs.auth.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.api.IamException;

import java.util.List;

/** Users and service accounts: the rules of the management API around {@link UserRepository}. */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final Passwords passwords;

    public UserService(UserRepository users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    public User get(String uid) {
        return users.find(Uids.requireUid(uid)).orElseThrow(() -> unknown(uid));
    }

    public List<User> list(User.Kind kind) {
        return users.list(kind);
    }

    /** Creates a user with a password or a service account with a public key: exactly one of the two. */
    public void create(String uid, String description, String password, String publicKey) {
        Uids.requireUid(uid);
        if ((password == null) == (publicKey == null)) {
            throw new IamException(400, "ERR_INVALID_DATA", "give exactly one of password and public_key");
        }
        User user = password != null
                ? new User(uid, describe(description), User.Kind.USER, passwords.hash(password), null)
                : new User(uid, describe(description), User.Kind.SERVICE, null, pemOf(publicKey));
        if (!users.insert(user)) {
            throw new IamException(409, "ERR_USER_EXISTS", "user " + uid + " exists already");
        }
    }

    /** Changes the description, the password, or both; service accounts have no password. */
    public void update(String uid, String description, String password) {
        User user = get(uid);
        if (description == null && password == null) {
            throw new IamException(400, "ERR_INVALID_DATA", "give description, password or both");
        }
        if (password != null && user.isService()) {
            throw new IamException(400, "ERR_INVALID_DATA", "a service account has no password");
        }
        String hash = password == null ? null : passwords.hash(password);
        if (!users.update(uid, description == null ? null : describe(description), hash)) {
            throw unknown(uid);
        }
    }

    public void delete(String uid) {
        switch (users.delete(Uids.requireUid(uid))) {
            case NOT_FOUND -> throw unknown(uid);
            case LAST_SUPERUSER -> throw lastSuperuser();
            case DONE -> { }
        }
    }

    /** The description to store (absent: empty), or a 400 when it is too long. */
    public static String describe(String description) {
        String d = description == null ? "" : description;
        if (d.length() > 1000) {
            throw new IamException(400, "ERR_INVALID_DATA", "description must have at most 1000 characters");
        }
        return d;
    }

    private static String pemOf(String publicKey) {
        PublicKeys.parse(publicKey);
        return publicKey.trim() + "\n";
    }

    public static IamException unknown(String uid) {
        return new IamException(400, "ERR_UNKNOWN_USER_ID", "no user " + uid);
    }

    static IamException lastSuperuser() {
        return new IamException(400, "ERR_NO_MORE_SUPERUSERS", "the last member of superusers cannot be removed");
    }
}
