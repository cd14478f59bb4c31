package org.clusterlogs.messagelogging.service;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One long poll of policy-service's deployed set ({@code GET /v1/environments/{env}/deployments?wait=30}
 * with {@code If-None-Match}). Blocking, on the follower's own thread: {@code java.net.http} needs no
 * event loop and a waiting poll holds no Vert.x resource.
 */
public final class PolicyServiceClient {

    /** How long policy-service may hold a poll; the request time-out leaves it room to answer. */
    static final int WAIT_SECONDS = 30;
    private static final Duration TIMEOUT = Duration.ofSeconds(WAIT_SECONDS + 15);

    /** HTTP/1.1: a plain-HTTP long poll gains nothing from the HTTP/2 upgrade the JDK client tries by default. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI deployments;
    private final ObjectMapper json;

    public PolicyServiceClient(URI baseUrl, String environment, ObjectMapper json) {
        this.deployments = URI.create(baseUrl + "/v1/environments/"
                + URLEncoder.encode(environment, StandardCharsets.UTF_8) + "/deployments?wait=" + WAIT_SECONDS);
        this.json = json;
    }

    /** What a poll brought: a new set, or nothing new (empty). */
    public Optional<DeploymentSet> poll(OptionalLong known, Optional<String> authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(deployments).timeout(TIMEOUT)
                .header("Accept", "application/json").GET();
        known.ifPresent(v -> request.header("If-None-Match", "\"" + v + "\""));
        authorization.ifPresent(a -> request.header("Authorization", a));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(json.readValue(response.body(), DeploymentSet.class));
            case 304 -> Optional.empty();
            case 401 -> throw new RefusedException("policy-service refused this service's token (401)");
            default -> throw new IOException("policy-service answered " + response.statusCode() + " to " + deployments);
        };
    }

    /** policy-service did not accept the token: the next poll should log in again. */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) {
            super(message);
        }
    }
}
