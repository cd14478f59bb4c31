package org.clusterlogs.discovery.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** What went wrong with an upstream, told apart for the metrics and the problem's detail. */
public final class UpstreamFailure {

    private UpstreamFailure() {
    }

    /** The kinds of failure, by cause. */
    public enum Kind {
        /** Nothing listens at the address (connection refused). */
        REFUSED("refused", "refused the connection"),
        /** The connection was not made within {@code discovery.proxy.connect-timeout}. */
        CONNECT_TIMEOUT("connect-timeout", "did not accept a connection in time"),
        /** The host name does not resolve. */
        UNKNOWN_HOST("unknown-host", "has a host name that does not resolve"),
        /** The upstream sent nothing for {@code discovery.proxy.idle-timeout}. */
        IDLE_TIMEOUT("idle-timeout", "sent nothing for too long"),
        /** The connection closed or broke before the response was complete. */
        CLOSED("closed", "closed the connection before the response was complete"),
        /** Anything else (TLS, protocol errors). */
        OTHER("other", "failed");

        private final String tag;
        private final String says;

        Kind(String tag, String says) {
            this.tag = tag;
            this.says = says;
        }

        /** The metric tag value. */
        public String tag() {
            return tag;
        }

        /** The end of a sentence about the upstream: "agent x at host:port <says>". */
        public String says() {
            return says;
        }
    }

    /** The kind of {@code failure}, looking through its causes. */
    public static Kind kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // a connect time-out is a ConnectException too: ask for it first
            if (t instanceof ConnectTimeoutException) {
                return Kind.CONNECT_TIMEOUT;
            }
            if (t instanceof ConnectException) {
                return Kind.REFUSED;
            }
            if (t instanceof UnknownHostException) {
                return Kind.UNKNOWN_HOST;
            }
            if (t instanceof TimeoutException) {
                return Kind.IDLE_TIMEOUT;
            }
            if (t instanceof HttpClosedException || t instanceof IOException) {
                return Kind.CLOSED;
            }
        }
        return Kind.OTHER;
    }
}
