package org.clusterlogs.messagelogging.policy;

import org.clusterlogs.messagelogging.template.MessageTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates {@code <Syslog>}. */
final class SyslogReader {

    private static final Set<String> CHILDREN = Set.of("Message", "Host", "Port", "Protocol", "FormatMessage",
            "PayloadOnly", "DateFormat", "SSLInfo", "Framing");
    /** RFC 1123 labels; underscores too, which internal DNS zones use and resolvers accept. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}\\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_\\-]{0,61}[A-Za-z0-9_])?"
                    + "(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_\\-]{0,61}[A-Za-z0-9_])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    private final ElementReader reader;
    private final PolicyErrors errors;
    private final boolean ignoreUnresolved;

    SyslogReader(XmlElement element, PolicyErrors errors, boolean ignoreUnresolved) {
        this.reader = new ElementReader(element, errors, CHILDREN);
        this.errors = errors;
        this.ignoreUnresolved = ignoreUnresolved;
    }

    SyslogTarget read() {
        MessageTemplate message = MessageElement.read(reader, "Syslog", errors, ignoreUnresolved);
        String host = reader.text("Host").map(this::host).orElse(SyslogTarget.DEFAULT_HOST);
        int port = reader.text("Port").map(this::port).orElse(SyslogTarget.DEFAULT_PORT);
        SyslogProtocol protocol = reader.text("Protocol").map(this::protocol).orElse(SyslogProtocol.UDP);
        boolean formatMessage = reader.bool("FormatMessage", false);
        boolean payloadOnly = reader.bool("PayloadOnly", false);
        Optional<String> dateFormat = reader.text("DateFormat").filter(s -> !s.isEmpty()).map(this::dateFormat);
        Framing framing = reader.text("Framing").filter(s -> !s.isEmpty()).map(this::framing).orElse(Framing.LF);
        Optional<SslInfo> ssl = reader.single("SSLInfo").flatMap(e -> new SslInfoReader(e, errors).read());
        if (ssl.isPresent() && protocol == SyslogProtocol.UDP) {
            errors.tlsNeedsTcp();
        }
        return new SyslogTarget(message, host, port, protocol, formatMessage, payloadOnly, dateFormat, framing, ssl);
    }

    /** Static only, checked for syntax; resolved when connecting (DNS may change while a policy is deployed). */
    private String host(String value) {
        if (HOST_NAME.matcher(value).matches() || isIpv6Literal(value)) {
            return value.startsWith("[") ? value.substring(1, value.length() - 1) : value;
        }
        errors.invalidHostName(value);
        return SyslogTarget.DEFAULT_HOST;
    }

    private static boolean isIpv6Literal(String value) {
        if (!IPV6.matcher(value).matches()) {
            return false;
        }
        try {
            // a literal with a colon is parsed, never looked up
            InetAddress.getByName(value.startsWith("[") ? value.substring(1, value.length() - 1) : value);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value as written
        }
        errors.invalidPort(value);
        return SyslogTarget.DEFAULT_PORT;
    }

    private SyslogProtocol protocol(String value) {
        try {
            return SyslogProtocol.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.invalidProtocol(value);
            return SyslogProtocol.UDP;
        }
    }

    private String dateFormat(String pattern) {
        try {
            new SimpleDateFormat(pattern, Locale.US);
        } catch (IllegalArgumentException e) {
            errors.invalidDateFormat(pattern, e.getMessage());
        }
        return pattern;
    }

    private Framing framing(String value) {
        for (Framing framing : Framing.values()) {
            if (framing.xmlName().equalsIgnoreCase(value)) {
                return framing;
            }
        }
        errors.invalidFraming(value);
        return Framing.LF;
    }
}
