package org.clusterlogs.logs.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Gives every log route the shared parameters and responses declared once in
 * {@code META-INF/openapi.yaml}, so the routes' code carries only what is their own; the
 * security answers (401, 403, 503) included, which every log route has.
 */
public class LogRoutesOpenApiFilter implements OASFilter {

    /** The vendor extension openapi-generator reads to stream an operation's answer. */
    private static final String STREAMING = "x-streaming";
    private static final List<String> READ_PARAMETERS =
            List.of("cursor", "skip", "limit", "filter", "since", "until", "grep", "lastEventId", "accept");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation get = path.getValue().getGET();
            if (get != null && path.getKey().startsWith("/files/")) {
                mesosFiles(path.getKey(), get);
                continue;
            }
            if (get == null || !path.getKey().startsWith("/system/v1/logs/v2/")) {
                continue;
            }
            // Quarkus's internal method reference is a hash that differs between builds
            get.removeExtension("x-quarkus-openapi-method-ref");
            String p = path.getKey();
            APIResponses responses = OASFactory.createAPIResponses();
            if (p.endsWith("/download")) {
                responses.addAPIResponse("200", ref("download"));
                streamed(get);
            } else if (p.endsWith("/files/browse")) {
                responses.addAPIResponse("200", ref("browse"));
            } else {
                READ_PARAMETERS.forEach(name -> get.addParameter(
                        OASFactory.createParameter().ref("#/components/parameters/" + name)));
                responses.addAPIResponse("200", ref("logLines"));
                responses.addAPIResponse("204", ref("noLines"));
                streamed(get);
            }
            responses.addAPIResponse("400", ref("badRequest"));
            secured(responses);
            responses.addAPIResponse("404", ref("notFound"));
            get.setResponses(responses);
            if (get.getParameters() != null) {
                get.getParameters().forEach(LogRoutesOpenApiFilter::describePathParameter);
            }
        }
    }

    /** The Mesos files API routes: their own answers, the shared problem answers. */
    private static void mesosFiles(String path, Operation get) {
        get.removeExtension("x-quarkus-openapi-method-ref");
        APIResponses responses = OASFactory.createAPIResponses();
        if (path.equals("/files/read")) {
            responses.addAPIResponse("200", ref("filesRead"));
        } else if (path.equals("/files/browse")) {
            responses.addAPIResponse("200", ref("browse"));
        } else {
            responses.addAPIResponse("200", ref("download"));
            streamed(get);
        }
        responses.addAPIResponse("400", ref("badRequest"));
        secured(responses);
        responses.addAPIResponse("404", ref("notFound"));
        get.setResponses(responses);
    }

    /**
     * Marks a route whose body a client should read as it arrives (a follow never ends, a download
     * may be large): openapi-generator's Java client then answers an {@code InputStream} for it
     * instead of buffering the whole body (its {@code supportStreaming} option).
     */
    private static void streamed(Operation operation) {
        operation.addExtension(STREAMING, true);
    }

    /** What every log route may answer for want of a token, a permission or auth-service (docs/authentication.md). */
    private static void secured(APIResponses responses) {
        responses.addAPIResponse("401", ref("unauthorized"));
        responses.addAPIResponse("403", ref("forbidden"));
        responses.addAPIResponse("503", ref("authUnavailable"));
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse ref(String name) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }

    private static void describePathParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.PATH && parameter.getDescription() == null) {
            parameter.setDescription("One path segment; `..`, `/` (also as %2F) and control characters are refused with 400.");
        }
    }
}
