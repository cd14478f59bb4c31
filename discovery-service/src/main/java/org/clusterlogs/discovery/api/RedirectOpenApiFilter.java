package org.clusterlogs.discovery.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Says in the contract what the task routes' 303 leads to, so that a client generated from it
 * (which follows redirects) can use them: the node's answer (200, and 204 for an empty range),
 * the read parameters that are carried to the node with the query string, and {@code Accept},
 * which chooses text, NDJSON or a followed SSE stream. Annotations cannot declare {@code Accept}
 * (MicroProfile OpenAPI drops it as a header parameter), hence a filter, declared once for the
 * five routes. The answers' bodies are marked {@code x-streaming}: openapi-generator's Java client
 * then hands them over as an {@code InputStream} (its {@code supportStreaming} option) instead of
 * buffering a follow that never ends. The merged stream ({@link MergedStreamRoutes}) gets the
 * same {@code Accept} parameter and mark.
 */
public class RedirectOpenApiFilter implements OASFilter {

    private static final String TASK = "/system/v1/logs/v2/task/{task}";
    private static final List<String> READ_PARAMETERS =
            List.of("cursor", "skip", "limit", "filter", "lastEventId", "accept");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation get = path.getValue().getGET();
            String p = path.getKey();
            if (get != null && p.equals(MergedStreamRoutes.PATH)) {
                get.addParameter(OASFactory.createParameter().ref("#/components/parameters/accept"));
                get.addExtension("x-streaming", true);
                continue;
            }
            if (get == null || !p.startsWith(TASK)) {
                continue;
            }
            if (p.endsWith("/download")) {
                get.getResponses().addAPIResponse("200", ref("followedDownload"));
                get.addExtension("x-streaming", true);
            } else if (p.endsWith("/browse")) {
                get.getResponses().addAPIResponse("200", ref("followedBrowse"));
            } else {
                READ_PARAMETERS.forEach(name -> get.addParameter(
                        OASFactory.createParameter().ref("#/components/parameters/" + name)));
                get.getResponses().addAPIResponse("200", ref("followedLines"));
                get.getResponses().addAPIResponse("204", ref("followedNoLines"));
                get.addExtension("x-streaming", true);
            }
        }
    }

    private static APIResponse ref(String name) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }
}
