package org.clusterlogs.discovery.api;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.index.TaskIndex;
import org.clusterlogs.discovery.index.mesos.MesosStateSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mesos' {@code state.json} as the index last read it, byte for byte, under the paths Admin
 * Router served it at, for scripts that look tasks up themselves.
 */
@Path("/mesos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mesos", description = "The Mesos state document the index reads, for scripts written against DC/OS")
@SecurityRequirement(name = "dcosToken")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "authCookie")
@APIResponse(responseCode = "401", ref = "unauthorized")
@APIResponse(responseCode = "403", ref = "forbidden")
@APIResponse(responseCode = "404", ref = "noMesosSource")
@APIResponse(responseCode = "503", ref = "notReady")
@NonBlocking
public class MesosStateResource {

    private static final String STATE = "The last good state.json, unchanged: the same bytes the index was built "
            + "from, whoever asks (not filtered by the caller's own Mesos permissions).";

    private final MesosStateSource source;
    private final TaskIndex index;

    public MesosStateResource(MesosStateSource source, TaskIndex index) {
        this.source = source;
        this.index = index;
    }

    @GET
    @Path("state")
    @Operation(operationId = "getMesosState", summary = "The Mesos state document", description = STATE)
    @APIResponse(responseCode = "200", description = "state.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public byte[] getMesosState() {
        return document().state();
    }

    @GET
    @Path("master/state")
    @Operation(operationId = "getMesosMasterState", summary = "The Mesos state document (Admin Router's other path)",
            description = STATE)
    @APIResponse(responseCode = "200", description = "state.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public byte[] getMesosMasterState() {
        return document().state();
    }

    @GET
    @Path("master/slaves")
    @Operation(operationId = "getMesosMasterSlaves", summary = "The Mesos agents",
            description = "{\"slaves\": [...]}: the agents of the last good state.json, each as it came.")
    @APIResponse(responseCode = "200", description = "The agents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public byte[] getMesosMasterSlaves() {
        return document().slaves();
    }

    private MesosStateSource.Document document() {
        if (!source.configured()) {
            throw new ProblemException(404, "NoMesosSource", "this discovery-service reads no Mesos state"
                    + " (discovery.mesos.state is not set)");
        }
        return source.document().orElseThrow(index::notReady);
    }
}
