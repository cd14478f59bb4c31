package org.clusterlogs.messagelogging.syslog;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.clusterlogs.messagelogging.policy.SslInfo;

import java.nio.file.Path;
import java.util.LinkedHashSet;

/**
 * Turns a policy's {@code SSLInfo} into Vert.x client options. Verification is on by default:
 * the server's chain must lead to the trust store (or the JVM's default CAs) and its certificate
 * must carry the host name (or {@code CommonName}) — only {@code IgnoreValidationErrors=true}
 * turns both off. Files are PEM, named relative to the service's TLS directory.
 */
public final class TlsOptions {

    private TlsOptions() {
    }

    /** Plain TCP without SSLInfo, TLS with it. */
    public static NetClientOptions of(java.util.Optional<SslInfo> ssl, Path tlsDir) {
        NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setTcpKeepAlive(true);
        if (ssl.isEmpty()) {
            return options;
        }
        SslInfo info = ssl.get();
        options.setSsl(true);
        if (info.ignoreValidationErrors()) {
            options.setTrustAll(true);
        } else {
            options.setHostnameVerificationAlgorithm("HTTPS");
            info.trustStore().ifPresent(file -> options.setTrustOptions(
                    new PemTrustOptions().addCertPath(tlsDir.resolve(file).toString())));
        }
        info.keyStore().ifPresent(file -> {
            String path = tlsDir.resolve(file).toString();
            options.setKeyCertOptions(new PemKeyCertOptions().addKeyPath(path).addCertPath(path));
        });
        info.ciphers().forEach(options::addEnabledCipherSuite);
        if (!info.protocols().isEmpty()) {
            options.setEnabledSecureTransportProtocols(new LinkedHashSet<>(info.protocols()));
        }
        return options;
    }
}
