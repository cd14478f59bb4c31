package org.clusterlogs.messagelogging.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a valid policy reads as: defaults, any element order, the reference's samples. */
class PolicyParserTest {

    private final PolicyParser parser = new PolicyParser();

    private MessageLoggingPolicy valid(String name, String xml) {
        PolicyParseResult result = parser.parse(name, xml);
        return assertInstanceOf(PolicyParseResult.Valid.class, result, () -> "refused: " + result.errors()).policy();
    }

    @Test
    void syslogDefaults() {
        MessageLoggingPolicy policy = valid("P", "<MessageLogging name=\"P\"><Syslog><Message>hi</Message></Syslog></MessageLogging>");
        assertEquals("P", policy.name());
        assertEquals("P", policy.displayName());
        assertTrue(policy.enabled());
        assertFalse(policy.continueOnError());
        assertEquals(LogLevel.INFO, policy.logLevel());
        assertTrue(policy.ignoreUnresolvedVariables());
        assertFalse(policy.bufferMessage());
        assertTrue(policy.file().isEmpty());
        SyslogTarget syslog = policy.syslog().orElseThrow();
        assertEquals("localhost", syslog.host());
        assertEquals(514, syslog.port());
        assertEquals(SyslogProtocol.UDP, syslog.protocol());
        assertFalse(syslog.formatMessage());
        assertFalse(syslog.payloadOnly());
        assertFalse(syslog.withHeader());
        assertEquals(Optional.empty(), syslog.dateFormat());
        assertEquals(Framing.LF, syslog.framing());
        assertEquals(Optional.empty(), syslog.ssl());
        assertEquals("hi", syslog.message().source());
    }

    @Test
    void referenceTlsSample() {
        String xml = """
                <MessageLogging name="LogToSyslog">
                  <Syslog>
                    <Message>[3f509b58 tag="{organization.name}.{apiproxy.name}.{environment.name}"] Weather request for WOEID {request.queryparam.w}.</Message>
                    <Host>logs-01.loggly.com</Host>
                    <Port>6514</Port>
                    <Protocol>TCP</Protocol>
                    <FormatMessage>true</FormatMessage>
                    <SSLInfo>
                        <Enabled>true</Enabled>
                    </SSLInfo>
                    <DateFormat>yyMMdd-HH:mm:ss.SSS</DateFormat>
                  </Syslog>
                  <logLevel>WARN</logLevel>
                </MessageLogging>""";
        MessageLoggingPolicy policy = valid("LogToSyslog", xml);
        SyslogTarget syslog = policy.syslog().orElseThrow();
        assertEquals(LogLevel.WARN, policy.logLevel());
        assertEquals("logs-01.loggly.com", syslog.host());
        assertEquals(6514, syslog.port());
        assertEquals(SyslogProtocol.TCP, syslog.protocol());
        assertTrue(syslog.withHeader());
        assertEquals(Optional.of("yyMMdd-HH:mm:ss.SSS"), syslog.dateFormat());
        SslInfo ssl = syslog.ssl().orElseThrow();
        assertFalse(ssl.ignoreValidationErrors());
        assertEquals(Optional.empty(), ssl.trustStore());
        assertEquals("[3f509b58 tag=\"acme.weather.prod\"] Weather request for WOEID 2442047.",
                syslog.message().render(Map.of("organization.name", "acme", "apiproxy.name", "weather",
                        "environment.name", "prod", "request.queryparam.w", "2442047")::get));
    }

    @Test
    void elementOrderDoesNotMatter() {
        String ordered = "<MessageLogging name=\"P\" continueOnError=\"true\"><DisplayName>Log calls</DisplayName>"
                + "<Syslog><Message>m</Message><Host>h</Host><Port>601</Port><Protocol>TCP</Protocol>"
                + "<PayloadOnly>true</PayloadOnly><Framing>octet-counting</Framing></Syslog><logLevel>ERROR</logLevel></MessageLogging>";
        String shuffled = "<MessageLogging continueOnError=\"true\" name=\"P\"><logLevel>ERROR</logLevel><Syslog>"
                + "<Framing>Octet-Counting</Framing><Protocol>TCP</Protocol><PayloadOnly>true</PayloadOnly><Port>601</Port>"
                + "<Host>h</Host><Message>m</Message></Syslog><DisplayName>Log calls</DisplayName></MessageLogging>";
        MessageLoggingPolicy a = valid("P", ordered);
        MessageLoggingPolicy b = valid("P", shuffled);
        assertEquals(a.toString(), b.toString());
        assertEquals("Log calls", a.displayName());
        assertTrue(a.continueOnError());
        assertEquals(Framing.OCTET_COUNTING, a.syslog().orElseThrow().framing());
    }

    @Test
    void referenceFileSampleTimeSize() {
        String xml = """
                <MessageLogging name="LogPolicy">
                  <File>
                    <Message>This is a test message. Message id : {request.header.messageid}</Message>
                    <FileName>test.log</FileName>
                    <FileRotationOptions rotateFileOnStartup="false">
                      <FileRotationType>TIME_SIZE</FileRotationType>
                      <MaxFileSizeInMB>10</MaxFileSizeInMB>
                      <MaxFilesToRetain>10</MaxFilesToRetain>
                      <RotationFrequency unit="hour">2</RotationFrequency>
                    </FileRotationOptions>
                  </File>
                  <logLevel>ERROR</logLevel>
                </MessageLogging>""";
        FileTarget file = valid("LogPolicy", xml).file().orElseThrow();
        assertEquals("test.log", file.fileName());
        assertEquals(new FileRotation(false, RotationType.TIME_SIZE, 10, 2, RotationUnit.HOUR, 10), file.rotation());
        assertEquals(10L * 1024 * 1024, file.rotation().maxFileBytes());
    }

    @Test
    void fileRotationDefaults() {
        FileTarget file = valid("P", "<MessageLogging name=\"P\"><File><Message>m</Message><FileName>calls.log</FileName>"
                + "</File></MessageLogging>").file().orElseThrow();
        assertEquals(FileRotation.DEFAULTS, file.rotation());
        assertEquals(new FileRotation(true, RotationType.SIZE, 128, 1, RotationUnit.MINUTE, 8), FileRotation.DEFAULTS);
        FileTarget time = valid("P", "<MessageLogging name=\"P\"><File rotateLogFileOnStartup=\"false\"><Message>m</Message>"
                + "<FileName>calls.log</FileName><FileRotationOptions><FileRotationType>TIME</FileRotationType>"
                + "<RotationFrequency>5</RotationFrequency><MaxFilesToRetain>0</MaxFilesToRetain></FileRotationOptions>"
                + "</File></MessageLogging>").file().orElseThrow();
        assertEquals(new FileRotation(false, RotationType.TIME, 128, 5, RotationUnit.MINUTE, 0), time.rotation());
    }

    @Test
    void emptyOptionalElementsTakeTheirDefaults() {
        MessageLoggingPolicy policy = valid("P", "<MessageLogging name=\"P\"><logLevel/><File><Message>m</Message>"
                + "<FileName>f.log</FileName><FileRotationOptions><FileRotationType> </FileRotationType><MaxFileSizeInMB/>"
                + "<MaxFilesToRetain></MaxFilesToRetain><RotationFrequency unit=\"\"/></FileRotationOptions></File>"
                + "<Syslog><Message>s</Message><FormatMessage/><DateFormat/><Framing/></Syslog></MessageLogging>");
        assertEquals(LogLevel.INFO, policy.logLevel());
        assertEquals(FileRotation.DEFAULTS, policy.file().orElseThrow().rotation());
        SyslogTarget syslog = policy.syslog().orElseThrow();
        assertFalse(syslog.formatMessage());
        assertEquals(Optional.empty(), syslog.dateFormat());
        assertEquals(Framing.LF, syslog.framing());
    }

    @Test
    void bothDestinationsAndLegacyElements() {
        MessageLoggingPolicy policy = valid("P", "<MessageLogging name=\"P\" enabled=\"false\" async=\"false\">"
                + "<File><Message>f</Message><FileName>f.log</FileName></File>"
                + "<Syslog><Message>s</Message><PayloadOnly/></Syslog><BufferMessage>true</BufferMessage>"
                + "<IgnoreUnresolvedVariables>false</IgnoreUnresolvedVariables>"
                + "<NotificationIntervalInSec>0</NotificationIntervalInSec></MessageLogging>");
        assertFalse(policy.enabled());
        assertTrue(policy.bufferMessage());
        assertFalse(policy.ignoreUnresolvedVariables());
        assertFalse(policy.syslog().orElseThrow().payloadOnly());
        assertTrue(policy.file().isPresent());
    }

    @Test
    void sslInfoInFull() {
        SslInfo ssl = valid("P", "<MessageLogging name=\"P\"><Syslog><Message>m</Message><Protocol>TCP</Protocol><SSLInfo>"
                + "<Enabled>true</Enabled><ClientAuthEnabled>true</ClientAuthEnabled><KeyStore>client.pem</KeyStore>"
                + "<KeyAlias>ignored</KeyAlias><TrustStore>ca/ca.pem</TrustStore><CommonName wildcardMatch=\"true\">syslog.example.com</CommonName>"
                + "<Protocols><Protocol>TLSv1.3</Protocol><Protocol>TLSv1.2</Protocol></Protocols>"
                + "<Ciphers><Cipher>TLS_AES_128_GCM_SHA256</Cipher></Ciphers></SSLInfo></Syslog></MessageLogging>")
                .syslog().orElseThrow().ssl().orElseThrow();
        assertEquals(new SslInfo(true, Optional.of("client.pem"), Optional.of("ca/ca.pem"), List.of("TLS_AES_128_GCM_SHA256"),
                List.of("TLSv1.3", "TLSv1.2"), false, Optional.of("syslog.example.com")), ssl);
    }

    @Test
    void messageKeepsItsWhitespaceAndDecodedEntities() {
        MessageLoggingPolicy policy = valid("P", "<MessageLogging name=\"P\"><Syslog><Message defaultVariableValue=\"-\">"
                + " a &lt;b&gt; &amp; &#x41; <![CDATA[{x} <raw>]]></Message></Syslog></MessageLogging>");
        assertEquals(" a <b> & A - <raw>", policy.syslog().orElseThrow().message().render(name -> null));
    }
}
