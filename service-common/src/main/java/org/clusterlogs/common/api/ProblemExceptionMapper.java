package org.clusterlogs.common.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of a JAX-RS service into RFC 9457 problem JSON; no stack trace leaves the
 * process. Every service that depends on this module gets it through the module's Jandex index.
 */
public class ProblemExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(status, detailOf(e, status), uri);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "The server could not complete the request.", uri);
    }

    /** The default message ("HTTP 404 Not Found") only repeats the title, so it is left out. */
    static String detailOf(WebApplicationException e, Response.StatusType status) {
        String message = e.getMessage();
        if (message == null || message.startsWith("HTTP " + status.getStatusCode())) {
            return null;
        }
        return message;
    }

    private static Response problem(Response.StatusType status, String detail, UriInfo uri) {
        Problem body = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                uri.getPath());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
