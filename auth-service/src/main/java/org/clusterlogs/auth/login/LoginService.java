package org.clusterlogs.auth.login;

import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.api.IamException;
import org.clusterlogs.auth.audit.AuditLog;
import org.clusterlogs.auth.identity.Passwords;
import org.clusterlogs.auth.identity.Uids;
import org.clusterlogs.auth.identity.User;
import org.clusterlogs.auth.identity.UserRepository;
import org.clusterlogs.auth.token.TokenIssuer;

import java.time.Duration;
import java.util.Optional;

/**
 * Logs users in with a password and service accounts with a login token. Every failure is the
 * same 401 {@code ERR_INVALID_CREDENTIALS} (unknown or invalid uid, wrong password, wrong kind of
 * credential, bad token), and a password login for a uid without a password hash still spends one
 * bcrypt verification. Throttled per uid and per client address before anything is verified.
 */
@ApplicationScoped
public class LoginService {

    /** A successful login: the user and its token. */
    public record Success(User user, TokenIssuer.Issued token) {
    }

    private final UserRepository users;
    private final Passwords passwords;
    private final ServiceLoginTokens loginTokens;
    private final LoginThrottle throttle;
    private final TokenIssuer issuer;
    private final AuditLog audit;

    public LoginService(UserRepository users, Passwords passwords, ServiceLoginTokens loginTokens,
            LoginThrottle throttle, TokenIssuer issuer, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.loginTokens = loginTokens;
        this.throttle = throttle;
        this.issuer = issuer;
        this.audit = audit;
    }

    public Success login(LoginRequest request, String clientAddress) {
        String action = request.withPassword() ? "password-login" : "service-login";
        Optional<Duration> wait = throttle.retryAfter(request.uid(), clientAddress);
        if (wait.isPresent()) {
            audit.login(clientAddress, action, false, "throttled", request.uid());
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new TooManyAttemptsException(seconds);
        }
        Optional<User> user = Uids.valid(request.uid()) ? users.find(request.uid()) : Optional.empty();
        String refusal = request.withPassword() ? passwordRefusal(user, request.password())
                : tokenRefusal(user, request.token());
        if (refusal != null) {
            throttle.failed(request.uid(), clientAddress);
            audit.login(clientAddress, action, false, refusal, request.uid());
            throw invalidCredentials();
        }
        audit.login(clientAddress, action, true, "valid credentials", request.uid());
        return new Success(user.orElseThrow(), issuer.issue(request.uid()));
    }

    private String passwordRefusal(Optional<User> user, String password) {
        if (user.isEmpty() || user.get().passwordHash() == null) {
            passwords.burn(password);
            return user.isEmpty() ? "unknown user" : "password login for a service account";
        }
        return passwords.matches(password, user.get().passwordHash()) ? null : "invalid password provided";
    }

    private String tokenRefusal(Optional<User> user, String token) {
        if (user.isEmpty()) {
            return "unknown user";
        }
        if (!user.get().isService()) {
            return "token login for a user with a password";
        }
        return loginTokens.refusal(user.get(), token);
    }

    public static IamException invalidCredentials() {
        return new IamException(401, "ERR_INVALID_CREDENTIALS", "the uid and the credentials do not match");
    }
}
