package org.clusterlogs.discovery.index.mesos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the bytes of {@code state.json} from where {@code discovery.mesos.state} says: an
 * {@code http(s)} URL, asked with this service's token, or a file. Runs on the refresh thread,
 * never on a request's.
 */
interface StateReader {

    byte[] read() throws IOException, InterruptedException;

    /** Where the document comes from, for the log; a URL without its query. */
    String where();

    /**
     * @param authorization the {@code Authorization} value for a URL (empty: none is sent)
     * @param refused       told when the URL answers 401, so the next read gets a fresh token
     */
    static StateReader of(String location, Duration timeout, Supplier<Optional<String>> authorization,
                          Runnable refused) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return new Url(URI.create(location), timeout, authorization, refused);
        }
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return new StateReader() {
            @Override
            public byte[] read() throws IOException {
                return Files.readAllBytes(file);
            }

            @Override
            public String where() {
                return file.toString();
            }
        };
    }

    /** A GET with the JDK's client: one connection pool, HTTP/1.1 or 2, TLS with the JVM's trust store. */
    final class Url implements StateReader {
        private final URI uri;
        private final Duration timeout;
        private final Supplier<Optional<String>> authorization;
        private final Runnable refused;
        private final HttpClient client;

        Url(URI uri, Duration timeout, Supplier<Optional<String>> authorization, Runnable refused) {
            this.uri = uri;
            this.timeout = timeout;
            this.authorization = authorization;
            this.refused = refused;
            this.client = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }

        @Override
        public byte[] read() throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").GET();
            authorization.get().ifPresent(value -> request.header("Authorization", value));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401) {
                refused.run();
            }
            if (response.statusCode() != 200) {
                throw new IOException("GET " + where() + " answered " + response.statusCode());
            }
            return response.body();
        }

        @Override
        public String where() {
            return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        }
    }
}
