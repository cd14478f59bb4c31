package org.clusterlogs.auth.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clusterlogs.auth.identity.User;
import org.clusterlogs.auth.identity.UserRepository;
import org.clusterlogs.auth.config.AuthConfig;
import org.clusterlogs.security.Caller;
import io.vertx.ext.web.RoutingContext;
import org.clusterlogs.auth.token.TokenIssuer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Login, logout, refresh and the provider list under {@code /acs/api/v1/auth}. */
@Path("/acs/api/v1/auth")
@Tag(name = "auth")
public class LoginResource {

    private final LoginService login;
    private final ClientAddress clientAddress;
    private final TokenIssuer issuer;
    private final UserRepository users;
    private final ObjectMapper json;
    private final Duration sessionMaxAge;

    public LoginResource(LoginService login, ClientAddress clientAddress, TokenIssuer issuer, UserRepository users,
            ObjectMapper json, AuthConfig config) {
        this.login = login;
        this.clientAddress = clientAddress;
        this.issuer = issuer;
        this.users = users;
        this.json = json;
        this.sessionMaxAge = config.token().sessionMaxAge();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "login", summary = "Log in: {uid, password} for users, {uid, token} for service "
            + "accounts (an RS256 login token signed with the account's private key); answers a token and sets the "
            + "auth and info cookies")
    // the body is parsed by hand (JSON or form, checked in the reference's order): the contract says what it holds
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LoginRequest.class)))
    @APIResponse(responseCode = "200", description = "the token, also set as the auth cookie",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoginToken.class)))
    public Response login(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
            @Context HttpServerRequest request) {
        LoginRequest parsed = LoginRequest.parse(contentType, body, json);
        String address = clientAddress.of(request.remoteAddress().hostAddress(),
                request.headers().getAll("X-Forwarded-For"));
        LoginService.Success success = login.login(parsed, address);
        return withToken(success.user(), success.token());
    }

    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "acsjwt")
    @APIResponse(responseCode = "200", description = "the new token, also set as the auth cookie",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoginToken.class)))
    @Operation(operationId = "refreshToken", summary = "A new token (and auth cookie) for the caller of a valid "
            + "token, within the session's maximum age from its login")
    public Response refresh(@Context RoutingContext request) {
        // the shared security module verified the token (header or cookie) and the CSRF rule
        Caller caller = Caller.of(request).orElseThrow(LoginService::invalidCredentials);
        User user = users.find(caller.uid()).orElseThrow(LoginService::invalidCredentials);
        long loggedIn = caller.authenticatedAt().getEpochSecond();
        if (Instant.now().getEpochSecond() - loggedIn > sessionMaxAge.toSeconds()) {
            throw LoginService.invalidCredentials();
        }
        return withToken(user, issuer.issue(user.uid(), loggedIn));
    }

    @GET
    @Path("logout")
    @Operation(operationId = "logout",
            summary = "Clears the auth and info cookies (the token itself stays valid until it expires)")
    public Response logout() {
        return Response.ok().cookie(AuthCookies.cleared()).cacheControl(noStore()).build();
    }

    @GET
    @Path("providers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listLoginProviders",
            summary = "The login methods: uid and password, uid and service login token")
    public Map<String, Object> providers() {
        Map<String, Object> config = Map.of("start_flow_url", "/acs/api/v1/auth/login");
        return Map.of(
                "dcos-users", Map.of("authentication-type", "dcos-uid-password", "description",
                        "Log in with uid and password", "client-method", "dcos-usercredential-post-receive-authtoken",
                        "config", config),
                "dcos-services", Map.of("authentication-type", "dcos-uid-servicekey", "description",
                        "Log in with uid and a login token signed by the service account's private key",
                        "client-method", "dcos-servicecredential-post-receive-authtoken", "config", config));
    }

    private Response withToken(User user, TokenIssuer.Issued token) {
        Duration lifetime = Duration.between(Instant.now(), token.expires());
        return Response.ok(new LoginToken(token.token()), MediaType.APPLICATION_JSON_TYPE)
                .cookie(AuthCookies.auth(token.token(), lifetime), AuthCookies.info(user, lifetime, json))
                .cacheControl(noStore()).build();
    }

    private static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        cc.setNoTransform(false);
        return cc;
    }
}
