package org.clusterlogs.security.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's routes a service calls; the URL is {@code quarkus.rest-client.acs.url} (default {@code ${auth.url}}). */
@RegisterRestClient(configKey = "acs")
@Path("/acs/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface AcsClient {

    @GET
    @Path("/internal/policyquery")
    Uni<PolicyAnswer> policyQuery(@QueryParam("rid") String rid, @QueryParam("uid") String uid,
                                  @QueryParam("action") String action,
                                  @HeaderParam("Authorization") String authorization);

    @POST
    @Path("/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<LoginAnswer> login(LoginRequest body);

    /** {@code {"allowed": bool}}; a missing member is a broken answer, not a no. */
    record PolicyAnswer(Boolean allowed) {
    }

    /** A service account's login: its uid and the login token signed with its private key. */
    record LoginRequest(String uid, String token) {
    }

    record LoginAnswer(String token) {
    }
}
