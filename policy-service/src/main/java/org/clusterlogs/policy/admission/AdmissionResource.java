package org.clusterlogs.policy.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clusterlogs.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The validating admission webhook of the {@code MessageLoggingPolicy} custom resource: the API
 * server sends an {@code AdmissionReview} (v1) for every create and update, and a policy the
 * validator refuses is refused by {@code kubectl apply} with the validator's own messages. It only
 * answers (no side effects, as Kubernetes requires of a webhook that may be retried or dry-run);
 * the API server reaches it over TLS without a suite token.
 */
@Path("/admission/messageloggingpolicies")
@Tag(name = "admission")
public class AdmissionResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PolicyResourceReview review;

    public AdmissionResource(PolicyResourceReview review) {
        this.review = review;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewMessageLoggingPolicy", summary = "Kubernetes admission review (v1) of a "
            + "MessageLoggingPolicy resource: allowed, or refused with every error of its policy")
    public JsonNode reviewMessageLoggingPolicy(JsonNode admissionReview) {
        JsonNode request = admissionReview == null ? null : admissionReview.get("request");
        if (request == null || !request.path("uid").isTextual()) {
            throw new ProblemException(400, "InvalidAdmissionReview",
                    "the body is an admission.k8s.io/v1 AdmissionReview with request.uid");
        }
        ObjectNode response = JSON.objectNode().put("uid", request.get("uid").asText());
        review.refusal(request).ifPresentOrElse(message -> {
            response.put("allowed", false);
            response.putObject("status").put("code", 400).put("reason", "Invalid").put("message", message);
        }, () -> response.put("allowed", true));
        ObjectNode answer = JSON.objectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        answer.set("response", response);
        return answer;
    }
}
