package org.clusterlogs.messagelogging.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a policy document as read by {@link SafeXml}: small enough to hold whole (a
 * policy is bounded in size), so validation can look elements up by name in any order.
 *
 * @param name       the local name
 * @param attributes attribute values by local name
 * @param children   child elements in document order
 * @param text       the element's own character data (entities decoded, CDATA included), untrimmed
 */
record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {

    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The text without surrounding white space. */
    String value() {
        return text.strip();
    }
}
