package org.clusterlogs.messagelogging.policy;

import java.util.List;
import java.util.Optional;

/**
 * An enabled {@code <SSLInfo>} of a Syslog destination: TLS over TCP. Key material is given as
 * PEM files named relative to the service's TLS directory ({@code messagelogging.tls.dir}) so that
 * a policy cannot make a service read an arbitrary file, and no password sits in a policy.
 *
 * @param clientAuthEnabled      present the key store's certificate to the server (two-way TLS)
 * @param keyStore               PEM file holding the client's certificate chain and private key
 * @param trustStore             PEM file of the CA certificates to trust; absent: the JVM's default trust
 * @param ciphers                cipher suites to enable; empty: the JVM's defaults
 * @param protocols              TLS versions to enable ({@code TLSv1.2}, {@code TLSv1.3}); empty: the defaults
 * @param ignoreValidationErrors trust any server certificate and any name (for tests only)
 * @param commonName             the name the server's certificate must carry and the SNI name; absent: the Host
 */
public record SslInfo(boolean clientAuthEnabled, Optional<String> keyStore, Optional<String> trustStore,
                      List<String> ciphers, List<String> protocols, boolean ignoreValidationErrors,
                      Optional<String> commonName) {

    public SslInfo {
        ciphers = List.copyOf(ciphers);
        protocols = List.copyOf(protocols);
    }
}
