package org.clusterlogs.cli.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The cluster's one address (discovery-service) over {@code java.net.http}. Redirects are
 * followed here rather than by the JDK: discovery answers a task route with a 303 to the agent
 * route, and the token, {@code Accept} and {@code Last-Event-ID} must go again to the new
 * location, which is only done when it has the same origin (a token never leaves the cluster's
 * address).
 */
public final class ClusterClient {

    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final URI base;
    private final String token;
    private final HttpClient http;

    /** A client of {@code baseUrl} that sends {@code token} (none when null, as for a login). */
    public ClusterClient(String baseUrl, String token) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.token = token;
        this.http = httpClient("https".equalsIgnoreCase(base.getScheme()));
    }

    /**
     * HTTP/1.1, because the default HTTP/2 attempt adds an upgrade to every plain-HTTP request.
     * For a plain-HTTP address (redirects stay on it) the client gets a TLS context without trust
     * material: the JDK's default one reads and parses its whole CA store first, a good part of a
     * short command's time, for nothing.
     */
    private static HttpClient httpClient(boolean tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (!tls) {
            try {
                SSLContext none = SSLContext.getInstance("TLS");
                none.init(new KeyManager[0], new TrustManager[0], null);
                builder.sslContext(none);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no TLS implementation in this JDK", e);
            }
        }
        return builder.build();
    }

    public URI base() {
        return base;
    }

    /**
     * Sends the request, following same-origin redirects; answers the final response whatever
     * its status, its body not read yet (the caller closes it).
     */
    public HttpResponse<InputStream> send(ApiRequest request) throws IOException, InterruptedException {
        URI uri = URI.create(base + request.target());
        String method = request.method();
        byte[] body = request.body();
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = exchange(http, build(uri, method, request, body));
            String location = response.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(response.statusCode()) || location == null) {
                return response;
            }
            response.body().close();
            URI next = uri.resolve(location);
            if (hop == MAX_REDIRECTS || !sameOrigin(uri, next)) {
                throw new ApiFailure(response.statusCode(), "refusing to follow the redirect to " + next
                        + (hop == MAX_REDIRECTS ? ": too many redirects" : ": not the cluster's address"));
            }
            if (response.statusCode() == 303) {
                method = "GET";
                body = null;
            }
            uri = next;
        }
    }

    private static HttpResponse<InputStream> exchange(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IOException("cannot reach " + request.uri() + ": " + cause(e), e);
        }
    }

    /** The innermost message: the JDK's connect failures say "Connection refused" only in their cause. */
    private static String cause(Throwable failure) {
        String message = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    /** Sends the request and answers its body; a non-2xx answer is thrown as an {@link ApiFailure}. */
    public byte[] call(ApiRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = send(request);
        try (InputStream in = response.body()) {
            byte[] body = in.readAllBytes();
            if (response.statusCode() / 100 != 2) {
                throw Problems.failure(response.statusCode(), body);
            }
            return body;
        }
    }

    /** {@link #call} with {@code Accept: application/json}, the answer parsed. */
    public JsonNode json(ApiRequest request) throws IOException, InterruptedException {
        byte[] body = call(request.header("Accept", "application/json"));
        return body.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
    }

    /** Throws the answer as an {@link ApiFailure} when it is not 2xx; answers it otherwise. */
    public static HttpResponse<InputStream> expectSuccess(HttpResponse<InputStream> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            try (InputStream in = response.body()) {
                throw Problems.failure(response.statusCode(), in.readAllBytes());
            }
        }
        return response;
    }

    private HttpRequest build(URI uri, String method, ApiRequest request, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "token=" + token);
        }
        return builder.build();
    }

    private static boolean sameOrigin(URI from, URI to) {
        return Objects.equals(from.getScheme(), to.getScheme()) && Objects.equals(from.getHost(), to.getHost())
                && from.getPort() == to.getPort();
    }
}
