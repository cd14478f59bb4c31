package org.clusterlogs.messagelogging.policy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/** Reads and validates {@code <SSLInfo>}; absent, empty or not enabled means no TLS. */
final class SslInfoReader {

    private static final Set<String> CHILDREN = Set.of("Enabled", "ClientAuthEnabled", "KeyStore", "KeyAlias",
            "TrustStore", "Ciphers", "Protocols", "IgnoreValidationErrors", "CommonName");
    private static final Set<String> TLS_VERSIONS = Set.of("TLSv1.2", "TLSv1.3");

    private final ElementReader reader;
    private final PolicyErrors errors;

    SslInfoReader(XmlElement element, PolicyErrors errors) {
        this.reader = new ElementReader(element, errors, CHILDREN);
        this.errors = errors;
    }

    Optional<SslInfo> read() {
        boolean enabled = reader.bool("Enabled", false);
        boolean clientAuth = reader.bool("ClientAuthEnabled", false);
        boolean ignoreValidationErrors = reader.bool("IgnoreValidationErrors", false);
        Optional<String> keyStore = reader.text("KeyStore").filter(s -> !s.isEmpty()).map(v -> file("KeyStore", v));
        Optional<String> trustStore = reader.text("TrustStore").filter(s -> !s.isEmpty()).map(v -> file("TrustStore", v));
        reader.text("KeyAlias"); // a PEM key store holds one key: the alias has nothing to choose
        Optional<String> commonName = reader.text("CommonName").filter(s -> !s.isEmpty());
        List<String> ciphers = list("Ciphers", "Cipher");
        List<String> protocols = list("Protocols", "Protocol");
        if (clientAuth && keyStore.isEmpty()) {
            errors.invalidSslInfo("ClientAuthEnabled needs a KeyStore");
        }
        protocols.stream().filter(p -> !TLS_VERSIONS.contains(p))
                .forEach(p -> errors.invalidSslInfo("unsupported Protocol " + p + " (TLSv1.2 or TLSv1.3)"));
        if (!ciphers.isEmpty()) {
            Set<String> supported = supportedCiphers(); // the default TLS context is costly to create: only when asked
            ciphers.stream().filter(c -> !supported.contains(c))
                    .forEach(c -> errors.invalidSslInfo("unknown Cipher " + c));
        }
        return enabled ? Optional.of(new SslInfo(clientAuth, keyStore, trustStore, ciphers, protocols,
                ignoreValidationErrors, commonName)) : Optional.empty();
    }

    /** A file under the service's TLS directory: relative, and never above it. */
    private String file(String element, String value) {
        try {
            Path path = Path.of(value);
            if (!path.isAbsolute() && !path.normalize().startsWith("..") && !value.contains("..")) {
                return value;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        errors.invalidSslInfo(element + " " + value + " must be a file name relative to the service's TLS directory");
        return value;
    }

    private List<String> list(String container, String item) {
        List<String> values = new ArrayList<>();
        reader.single(container).ifPresent(element -> {
            ElementReader items = new ElementReader(element, errors, Set.of(item));
            items.element().children(item).stream().map(XmlElement::value).filter(v -> !v.isEmpty()).forEach(values::add);
        });
        return values;
    }

    private static Set<String> supportedCiphers() {
        try {
            return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
