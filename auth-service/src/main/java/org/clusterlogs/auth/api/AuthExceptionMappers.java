package org.clusterlogs.auth.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlogs.auth.login.TooManyAttemptsException;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.common.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The two IAM errors that need a header besides service-common's problem body: a 401 says
 * {@code WWW-Authenticate: acsjwt}, a throttled login says {@code Retry-After}. (More specific
 * than service-common's mapper for {@link ProblemException}, so these win.)
 */
public class AuthExceptionMappers {

    /** The scheme DC/OS clients expect in {@code WWW-Authenticate}. */
    public static final String CHALLENGE = "acsjwt";

    @ServerExceptionMapper
    public Response mapIam(IamException e, UriInfo uri) {
        Response.ResponseBuilder response = problem(e, uri);
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response mapThrottled(TooManyAttemptsException e, UriInfo uri) {
        return problem(e, uri).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    private static Response.ResponseBuilder problem(ProblemException e, UriInfo uri) {
        Problem body = e.toProblem(uri.getPath());
        return Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body);
    }
}
