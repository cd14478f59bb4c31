package org.clusterlogs.policy.admission;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The webhook as the API server reaches it: over HTTPS with a certificate signed by a CA of its
 * own (made here with openssl, as deploy/make-secrets.sh does), verified against that CA alone.
 * The HTTPS listener answers the admission review and nothing else; the HTTP port is unchanged.
 */
@QuarkusTest
@TestProfile(AdmissionTlsTest.WithCertificate.class)
class AdmissionTlsTest {

    private static final Path DIR = Path.of("target", "webhook-tls");

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    /** A CA and a serving certificate for localhost, as PEM files, configured as the HTTPS listener's. */
    public static class WithCertificate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            makeCertificates();
            return Map.of("quarkus.http.ssl.certificate.files", DIR.resolve("tls.crt").toAbsolutePath().toString(),
                    "quarkus.http.ssl.certificate.key-files", DIR.resolve("tls.key").toAbsolutePath().toString());
        }
    }

    private static void makeCertificates() {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
            openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                    "-days", "2", "-subj", "/CN=webhook test CA");
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls.key", "-out", "tls.csr",
                    "-subj", "/CN=localhost");
            openssl("x509", "-req", "-in", "tls.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", "tls.crt", "-days", "2", "-extfile", "san.ext");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void openssl(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("openssl.log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + " failed; see " + DIR);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client that trusts the test CA and nothing else, as the API server trusts the caBundle. */
    private RequestSpecification overTls() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream ca = Files.newInputStream(DIR.resolve("ca.crt"))) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        return given().baseUri("https://localhost").port(https.getPort()).trustStore(trusted);
    }

    private static Map<String, Object> review(String port) {
        String xml = "<MessageLogging name=\"LogToSyslog\"><Syslog><Message>{request.uri}</Message>"
                + "<Host>syslog</Host><Port>" + port + "</Port><Protocol>TCP</Protocol></Syslog></MessageLogging>";
        return Map.of("apiVersion", "admission.k8s.io/v1", "kind", "AdmissionReview",
                "request", Map.of("uid", "b1f2", "operation", "CREATE", "object",
                        Map.of("spec", Map.of("xml", xml, "environment", "prod"))));
    }

    @Test
    void theReviewIsAnsweredOverVerifiedTls() throws Exception {
        overTls().contentType(ContentType.JSON).body(review("514")).post(WebhookListener.PATH).then()
                .statusCode(200).body("response.uid", equalTo("b1f2")).body("response.allowed", equalTo(true));
        overTls().contentType(ContentType.JSON).body(review("0")).post(WebhookListener.PATH).then()
                .statusCode(200).body("response.allowed", equalTo(false))
                .body("response.status.message", equalTo("Invalid Port: 0 for Syslog handler in policy LogToSyslog."));
    }

    @Test
    void theHttpsPortServesNothingElse() throws Exception {
        overTls().get("/v1/policies").then().statusCode(404).body("code", equalTo("NotFound"));
        overTls().get("/q/health/ready").then().statusCode(404);
        overTls().get("/service-info").then().statusCode(404);
    }

    @Test
    void theHttpPortIsUnchanged() {
        given().get("/service-info").then().statusCode(200);
        given().get("/v1/policies").then().statusCode(200);
        given().contentType(ContentType.JSON).body(review("514")).post(WebhookListener.PATH).then()
                .statusCode(200).body("response.allowed", equalTo(true));
    }
}
