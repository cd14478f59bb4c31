package org.clusterlogs.discovery.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clusterlogs.common.problem.Problem;
import org.clusterlogs.discovery.index.IndexNotReadyException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The suite's problem for a request before the index is ready, plus the {@code Retry-After} a client waits. */
public class IndexNotReadyMapper {

    @ServerExceptionMapper
    public Response map(IndexNotReadyException e, UriInfo uri) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(e.toProblem(uri.getPath())).build();
    }
}
