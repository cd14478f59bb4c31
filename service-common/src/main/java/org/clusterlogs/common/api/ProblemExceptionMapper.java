package org.clusterlogs.common.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.common.problem.ProblemException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of a JAX-RS service into the suite's problem JSON. A {@link ProblemException}
 * answers with its own status, code, detail and extension members; a 4xx refusal of the HTTP
 * stack (404, 405, 406, 415, ...) with its status alone, since its message may describe
 * internals; anything else is a 500 with a generic detail, logged here once with its stack
 * trace. Every service that depends on this module gets it through the module's Jandex index.
 */
public class ProblemExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response mapProblem(ProblemException e, UriInfo uri) {
        return respond(problemOf(e, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        return respond(problemOf(e, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        return respond(problemOf(e, uri.getPath()));
    }

    static Problem problemOf(Exception e, String path) {
        if (e instanceof ProblemException known) {
            return known.toProblem(path);
        }
        if (e instanceof WebApplicationException refusal && refusal.getResponse().getStatus() < 500) {
            return Problem.ofStatus(refusal.getResponse().getStatus(), path);
        }
        LOG.error("Unexpected error on " + path, e);
        return Problem.internalError(path);
    }

    private static Response respond(Problem body) {
        return Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
