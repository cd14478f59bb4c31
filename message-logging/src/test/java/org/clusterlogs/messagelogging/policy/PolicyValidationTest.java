package org.clusterlogs.messagelogging.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every deployment-time check, with the exact code and message a deployer sees. */
class PolicyValidationTest {

    private final PolicyParser parser = new PolicyParser();

    private static String syslog(String children) {
        return "<MessageLogging name=\"LogToSyslog\"><Syslog><Message>m</Message>" + children + "</Syslog></MessageLogging>";
    }

    private static String file(String children) {
        return "<MessageLogging name=\"LogToFile\"><File><Message>m</Message>" + children + "</File></MessageLogging>";
    }

    private List<PolicyError> errors(String name, String xml) {
        PolicyParseResult result = parser.parse(name, xml);
        assertInstanceOf(PolicyParseResult.Invalid.class, result, "expected a refusal of " + xml);
        return result.errors();
    }

    private PolicyError onlyError(String name, String xml) {
        List<PolicyError> errors = errors(name, xml);
        assertEquals(1, errors.size(), () -> "one error expected: " + errors);
        return errors.get(0);
    }

    private void assertOnly(String code, String message, String name, String xml) {
        assertEquals(new PolicyError(code, message, name), onlyError(name, xml));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<Protocol>HTTP</Protocol>|Invalid Protocol: HTTP for Syslog handler in policy LogToSyslog.",
            "<Protocol></Protocol>|Invalid Protocol:  for Syslog handler in policy LogToSyslog.",
            "<Protocol/>|Invalid Protocol:  for Syslog handler in policy LogToSyslog.",
            "<Protocol>TLS</Protocol>|Invalid Protocol: TLS for Syslog handler in policy LogToSyslog.",
            "<Protocol>TC P</Protocol>|Invalid Protocol: TC P for Syslog handler in policy LogToSyslog."})
    void invalidProtocol(String element, String message) {
        assertOnly("InvalidProtocol", message, "LogToSyslog", syslog(element));
    }

    @ParameterizedTest
    @ValueSource(strings = {" udp ", "UDP", "udp", "Tcp", "\n  TCP\t"})
    void protocolIsTrimmedAndCaseInsensitive(String protocol) {
        PolicyParseResult result = parser.parse("LogToSyslog", syslog("<Protocol>" + protocol + "</Protocol>"));
        PolicyParseResult.Valid valid = assertInstanceOf(PolicyParseResult.Valid.class, result);
        assertEquals(SyslogProtocol.valueOf(protocol.strip().toUpperCase(java.util.Locale.ROOT)),
                valid.policy().syslog().orElseThrow().protocol());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<Port>0</Port>|Invalid Port: 0 for Syslog handler in policy LogToSyslog.",
            "<Port>-1</Port>|Invalid Port: -1 for Syslog handler in policy LogToSyslog.",
            "<Port>70000</Port>|Invalid Port: 70000 for Syslog handler in policy LogToSyslog.",
            "<Port>65536</Port>|Invalid Port: 65536 for Syslog handler in policy LogToSyslog.",
            "<Port>abc</Port>|Invalid Port: abc for Syslog handler in policy LogToSyslog.",
            "<Port>51.4</Port>|Invalid Port: 51.4 for Syslog handler in policy LogToSyslog.",
            "<Port></Port>|Invalid Port:  for Syslog handler in policy LogToSyslog.",
            "<Port>99999999999</Port>|Invalid Port: 99999999999 for Syslog handler in policy LogToSyslog."})
    void invalidPort(String element, String message) {
        assertOnly("InvalidPort", message, "LogToSyslog", syslog(element));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 514, 6514, 65535})
    void portsInRange(int port) {
        PolicyParseResult.Valid valid = assertInstanceOf(PolicyParseResult.Valid.class,
                parser.parse("LogToSyslog", syslog("<Port> " + port + " </Port>")));
        assertEquals(port, valid.policy().syslog().orElseThrow().port());
    }

    @Test
    void tlsOverUdpIsAnInvalidProtocol() {
        String message = "Invalid Protocol: UDP for Syslog handler in policy LogToSyslog. SSLInfo (TLS) needs the TCP protocol.";
        assertOnly("InvalidProtocol", message, "LogToSyslog",
                syslog("<Protocol>UDP</Protocol><SSLInfo><Enabled>true</Enabled></SSLInfo>"));
        // UDP is also the default protocol
        assertOnly("InvalidProtocol", message, "LogToSyslog", syslog("<SSLInfo><Enabled>true</Enabled></SSLInfo>"));
    }

    @Test
    void disabledSslInfoOverUdpIsFine() {
        assertInstanceOf(PolicyParseResult.Valid.class,
                parser.parse("LogToSyslog", syslog("<SSLInfo><Enabled>false</Enabled></SSLInfo>")));
        assertInstanceOf(PolicyParseResult.Valid.class, parser.parse("LogToSyslog", syslog("<SSLInfo/>")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/opt/apigee/var/log/messages/mylog.log", "logs/mylog.log", "..\\x.log", "..", ".", "a..b"})
    void fileNameWithADirectory(String fileName) {
        assertOnly("InvalidFileName", "Invalid FileName: " + fileName
                        + " for File handler in policy LogToFile. Give a base name without a directory.", "LogToFile",
                file("<FileName>" + fileName + "</FileName>"));
    }

    @Test
    void missingFileName() {
        assertOnly("InvalidFileName", "Invalid FileName:  for File handler in policy LogToFile. Give a base name without a directory.",
                "LogToFile", file(""));
    }

    @Test
    void badDateFormat() {
        PolicyError error = onlyError("LogToSyslog", syslog("<DateFormat>yyyy-qq</DateFormat>"));
        assertEquals("InvalidDateFormat", error.code());
        assertEquals("Invalid DateFormat: yyyy-qq for Syslog handler in policy LogToSyslog (Illegal pattern character 'q').",
                error.message());
        assertEquals("InvalidDateFormat", onlyError("LogToSyslog", syslog("<DateFormat>yyyy 'T</DateFormat>")).code());
    }

    @Test
    void severalErrorsAtOnce() {
        String xml = "<MessageLogging name=\"LogToSyslog\"><logLevel>DEBUG</logLevel><Syslog>"
                + "<Message>{escapeHTML(x)}</Message><Host>splunk.example.com/</Host><Port>0</Port>"
                + "<Protocol>HTTP</Protocol><DateFormat>qq</DateFormat><FormatMessage>yes</FormatMessage>"
                + "</Syslog></MessageLogging>";
        List<String> codes = errors("LogToSyslog", xml).stream().map(PolicyError::code).toList();
        assertEquals(List.of("InvalidLogLevel", "InvalidTemplate", "InvalidHostName", "InvalidPort", "InvalidProtocol",
                "InvalidBoolean", "InvalidDateFormat"), codes);
        assertTrue(errors("LogToSyslog", xml).stream().allMatch(e -> e.policy().equals("LogToSyslog")));
    }

    @Test
    void unknownTemplateFunction() {
        PolicyError error = onlyError("LogToSyslog", syslog("").replace("<Message>m</Message>",
                "<Message>{escapeHTML(request.uri)}</Message>"));
        assertEquals("InvalidTemplate", error.code());
        assertTrue(error.message().startsWith(
                "Invalid Message for Syslog handler in policy LogToSyslog: unknown function escapeHTML (known: "), error.message());
    }

    @Test
    void wrongArity() {
        assertEquals("Invalid Message for Syslog handler in policy LogToSyslog: escapeJSON takes 1 argument, got 2.",
                onlyError("LogToSyslog", syslog("").replace("<Message>m</Message>",
                        "<Message>{escapeJSON(a,b)}</Message>")).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<Host>splunkprod.myorg.com/</Host>|Invalid HostName 'splunkprod.myorg.com/' for Syslog handler in policy LogToSyslog.",
            "<Host>logs host</Host>|Invalid HostName 'logs host' for Syslog handler in policy LogToSyslog.",
            "<Host>{syslog.host}</Host>|Invalid HostName '{syslog.host}' for Syslog handler in policy LogToSyslog.",
            "<Host></Host>|Invalid HostName '' for Syslog handler in policy LogToSyslog."})
    void invalidHostName(String element, String message) {
        assertOnly("InvalidHostName", message, "LogToSyslog", syslog(element));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logs-01.loggly.com", "127.0.0.1", "::1", "[::1]", "fe80::1", "syslog_1.internal", "localhost."})
    void validHostNames(String host) {
        assertInstanceOf(PolicyParseResult.Valid.class, parser.parse("LogToSyslog", syslog("<Host>" + host + "</Host>")));
    }

    @Test
    void invalidLogLevel() {
        assertOnly("InvalidLogLevel", "Invalid logLevel: DEBUG in policy LogToSyslog. Expected INFO, ALERT, WARN or ERROR.",
                "LogToSyslog", syslog("").replace("</Syslog>", "</Syslog><logLevel>DEBUG</logLevel>"));
    }

    @Test
    void rotationOptions() {
        String xml = file("<FileName>a.log</FileName><FileRotationOptions rotateFileOnStartup=\"maybe\">"
                + "<FileRotationType>HOURLY</FileRotationType><MaxFileSizeInMB>0</MaxFileSizeInMB>"
                + "<MaxFilesToRetain>-1</MaxFilesToRetain><RotationFrequency unit=\"week\">x</RotationFrequency>"
                + "</FileRotationOptions>");
        List<PolicyError> errors = errors("LogToFile", xml);
        assertEquals(List.of(
                new PolicyError("InvalidBoolean", "Invalid rotateFileOnStartup: maybe in policy LogToFile. Expected true or false.", "LogToFile"),
                new PolicyError("InvalidFileRotationType", "Invalid FileRotationType: HOURLY for File handler in policy LogToFile. Expected SIZE, TIME or TIME_SIZE.", "LogToFile"),
                new PolicyError("InvalidRotationOption", "Invalid MaxFileSizeInMB: 0 for File handler in policy LogToFile. Expected a whole number of at least 1.", "LogToFile"),
                new PolicyError("InvalidRotationOption", "Invalid MaxFilesToRetain: -1 for File handler in policy LogToFile. Expected a whole number, 0 to keep every file.", "LogToFile"),
                new PolicyError("InvalidRotationOption", "Invalid RotationFrequency: x for File handler in policy LogToFile. Expected a whole number of at least 1.", "LogToFile"),
                new PolicyError("InvalidRotationOption", "Invalid RotationFrequency unit: week for File handler in policy LogToFile. Expected second, minute, hour, day or month.", "LogToFile")),
                errors);
    }

    @Test
    void destinations() {
        assertOnly("MissingDestination", "Policy P has no destination. Add a Syslog or a File element.", "P",
                "<MessageLogging name=\"P\"><logLevel>INFO</logLevel></MessageLogging>");
        assertOnly("MultipleDestinations", "Policy P has more than one Syslog element. Use one policy per destination.", "P",
                "<MessageLogging name=\"P\"><Syslog><Message>a</Message></Syslog><Syslog><Message>b</Message></Syslog></MessageLogging>");
        assertOnly("UnsupportedDestination", "CloudLogging is not supported in policy P. Use Syslog or File.", "P",
                "<MessageLogging name=\"P\"><CloudLogging><LogName>x</LogName></CloudLogging></MessageLogging>");
    }

    @Test
    void missingOrEmptyMessage() {
        assertOnly("MissingMessage", "Missing Message for Syslog handler in policy P.", "P",
                "<MessageLogging name=\"P\"><Syslog><Host>h</Host></Syslog></MessageLogging>");
        assertOnly("MissingMessage", "Missing Message for File handler in policy P.", "P",
                "<MessageLogging name=\"P\"><File><Message>  </Message><FileName>a.log</FileName></File></MessageLogging>");
    }

    @Test
    void unknownAndDuplicateElements() {
        assertOnly("UnknownElement", "Unknown element Hots in Syslog of policy LogToSyslog.", "LogToSyslog",
                syslog("<Hots>h</Hots>"));
        assertOnly("DuplicateElement", "Element Port appears more than once in Syslog of policy LogToSyslog.", "LogToSyslog",
                syslog("<Port>514</Port><Port>515</Port>"));
        assertOnly("UnknownElement", "The root element is Policy, not MessageLogging, in policy X.", "X",
                "<Policy name=\"X\"/>");
    }

    @Test
    void policyNames() {
        assertOnly("InvalidPolicyName", "The name attribute Other does not match the policy name LogToSyslog.",
                "LogToSyslog", syslog("").replace("LogToSyslog", "Other"));
        assertOnly("InvalidPolicyName", "Invalid policy name: ../x. Use up to 255 letters, digits, '.', '_' and '-', starting with a letter or digit.",
                "../x", syslog("").replace(" name=\"LogToSyslog\"", ""));
        assertEquals(new PolicyError("InvalidPolicyName", "The policy has no name attribute.", ""),
                onlyError(null, syslog("").replace(" name=\"LogToSyslog\"", "")));
        // the caller's name alone is enough
        assertInstanceOf(PolicyParseResult.Valid.class, parser.parse("Named", syslog("").replace(" name=\"LogToSyslog\"", "")));
    }

    @Test
    void sslInfo() {
        List<PolicyError> errors = errors("LogToSyslog", syslog("<Protocol>TCP</Protocol><SSLInfo><Enabled>true</Enabled>"
                + "<ClientAuthEnabled>true</ClientAuthEnabled><TrustStore>/etc/ssl/ca.pem</TrustStore>"
                + "<Protocols><Protocol>SSLv3</Protocol></Protocols><Ciphers><Cipher>NO_SUCH_CIPHER</Cipher></Ciphers>"
                + "</SSLInfo>"));
        assertEquals(List.of(
                "Invalid SSLInfo for Syslog handler in policy LogToSyslog: TrustStore /etc/ssl/ca.pem must be a file name relative to the service's TLS directory.",
                "Invalid SSLInfo for Syslog handler in policy LogToSyslog: ClientAuthEnabled needs a KeyStore.",
                "Invalid SSLInfo for Syslog handler in policy LogToSyslog: unsupported Protocol SSLv3 (TLSv1.2 or TLSv1.3).",
                "Invalid SSLInfo for Syslog handler in policy LogToSyslog: unknown Cipher NO_SUCH_CIPHER."),
                errors.stream().map(PolicyError::message).toList());
        assertTrue(errors.stream().allMatch(e -> e.code().equals("InvalidSSLInfo")));
    }

    @Test
    void framing() {
        assertOnly("InvalidFraming", "Invalid Framing: crlf for Syslog handler in policy LogToSyslog. Expected lf or octet-counting.",
                "LogToSyslog", syslog("<Framing>crlf</Framing>"));
    }

    @Test
    void booleans() {
        assertOnly("InvalidBoolean", "Invalid continueOnError: 1 in policy LogToSyslog. Expected true or false.", "LogToSyslog",
                syslog("").replace("name=\"LogToSyslog\"", "name=\"LogToSyslog\" continueOnError=\"1\""));
    }
}
