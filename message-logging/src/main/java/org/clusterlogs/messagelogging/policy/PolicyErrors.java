package org.clusterlogs.messagelogging.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the errors of one policy, so a deployer sees all of them at once, and holds every
 * error code and message text in one place. {@code InvalidProtocol} and {@code InvalidPort} keep
 * the reference's texts word for word; the other codes are ours, written the same way.
 */
final class PolicyErrors {

    static final String INVALID_XML = "InvalidXml";
    static final String DOCTYPE_NOT_ALLOWED = "DoctypeNotAllowed";
    static final String POLICY_TOO_LARGE = "PolicyTooLarge";
    static final String XML_TOO_DEEP = "XmlTooDeep";
    static final String INVALID_POLICY_NAME = "InvalidPolicyName";
    static final String UNKNOWN_ELEMENT = "UnknownElement";
    static final String DUPLICATE_ELEMENT = "DuplicateElement";
    static final String MISSING_DESTINATION = "MissingDestination";
    static final String MULTIPLE_DESTINATIONS = "MultipleDestinations";
    static final String UNSUPPORTED_DESTINATION = "UnsupportedDestination";
    static final String MISSING_MESSAGE = "MissingMessage";
    static final String INVALID_TEMPLATE = "InvalidTemplate";
    static final String INVALID_BOOLEAN = "InvalidBoolean";
    static final String INVALID_LOG_LEVEL = "InvalidLogLevel";
    static final String INVALID_PROTOCOL = "InvalidProtocol";
    static final String INVALID_PORT = "InvalidPort";
    static final String INVALID_HOST_NAME = "InvalidHostName";
    static final String INVALID_DATE_FORMAT = "InvalidDateFormat";
    static final String INVALID_FRAMING = "InvalidFraming";
    static final String INVALID_SSL_INFO = "InvalidSSLInfo";
    static final String INVALID_FILE_NAME = "InvalidFileName";
    static final String INVALID_FILE_ROTATION_TYPE = "InvalidFileRotationType";
    static final String INVALID_ROTATION_OPTION = "InvalidRotationOption";

    private final String policy;
    private final List<PolicyError> errors = new ArrayList<>();

    PolicyErrors(String policy) {
        this.policy = policy;
    }

    String policy() {
        return policy;
    }

    List<PolicyError> all() {
        return errors;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void add(String code, String message) {
        errors.add(new PolicyError(code, message, policy));
    }

    /** For the document-level refusals of {@link SafeXml}: the sentence gets the policy name and a period. */
    void document(String code, String what) {
        add(code, capitalized(what) + " in policy " + policy + ".");
    }

    void invalidProtocol(String value) {
        add(INVALID_PROTOCOL, "Invalid Protocol: " + value + " for Syslog handler in policy " + policy + ".");
    }

    void tlsNeedsTcp() {
        add(INVALID_PROTOCOL, "Invalid Protocol: UDP for Syslog handler in policy " + policy
                + ". SSLInfo (TLS) needs the TCP protocol.");
    }

    void invalidPort(String value) {
        add(INVALID_PORT, "Invalid Port: " + value + " for Syslog handler in policy " + policy + ".");
    }

    void invalidHostName(String value) {
        add(INVALID_HOST_NAME, "Invalid HostName '" + value + "' for Syslog handler in policy " + policy + ".");
    }

    void invalidDateFormat(String value, String reason) {
        add(INVALID_DATE_FORMAT, "Invalid DateFormat: " + value + " for Syslog handler in policy " + policy
                + " (" + reason + ").");
    }

    void invalidFraming(String value) {
        add(INVALID_FRAMING, "Invalid Framing: " + value + " for Syslog handler in policy " + policy
                + ". Expected lf or octet-counting.");
    }

    void invalidSslInfo(String problem) {
        add(INVALID_SSL_INFO, "Invalid SSLInfo for Syslog handler in policy " + policy + ": " + problem + ".");
    }

    void invalidFileName(String value) {
        add(INVALID_FILE_NAME, "Invalid FileName: " + value + " for File handler in policy " + policy
                + ". Give a base name without a directory.");
    }

    void invalidRotationType(String value) {
        add(INVALID_FILE_ROTATION_TYPE, "Invalid FileRotationType: " + value + " for File handler in policy " + policy
                + ". Expected SIZE, TIME or TIME_SIZE.");
    }

    void invalidRotationOption(String element, String value, String expected) {
        add(INVALID_ROTATION_OPTION, "Invalid " + element + ": " + value + " for File handler in policy " + policy
                + ". Expected " + expected + ".");
    }

    void invalidLogLevel(String value) {
        add(INVALID_LOG_LEVEL, "Invalid logLevel: " + value + " in policy " + policy
                + ". Expected INFO, ALERT, WARN or ERROR.");
    }

    void invalidBoolean(String element, String value) {
        add(INVALID_BOOLEAN, "Invalid " + element + ": " + value + " in policy " + policy + ". Expected true or false.");
    }

    void missingMessage(String handler) {
        add(MISSING_MESSAGE, "Missing Message for " + handler + " handler in policy " + policy + ".");
    }

    void invalidTemplate(String handler, String problem) {
        add(INVALID_TEMPLATE, "Invalid Message for " + handler + " handler in policy " + policy + ": " + problem + ".");
    }

    void unknownElement(String element, String parent) {
        add(UNKNOWN_ELEMENT, "Unknown element " + element + " in " + parent + " of policy " + policy + ".");
    }

    void duplicateElement(String element, String parent) {
        add(DUPLICATE_ELEMENT, "Element " + element + " appears more than once in " + parent + " of policy " + policy + ".");
    }

    void missingDestination() {
        add(MISSING_DESTINATION, "Policy " + policy + " has no destination. Add a Syslog or a File element.");
    }

    void multipleDestinations(String element) {
        add(MULTIPLE_DESTINATIONS, "Policy " + policy + " has more than one " + element
                + " element. Use one policy per destination.");
    }

    void unsupportedDestination(String element) {
        add(UNSUPPORTED_DESTINATION, element + " is not supported in policy " + policy + ". Use Syslog or File.");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
