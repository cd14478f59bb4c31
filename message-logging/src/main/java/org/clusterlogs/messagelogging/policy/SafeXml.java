package org.clusterlogs.messagelogging.policy;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a policy document with the JDK's StAX parser, refusing what a policy never needs and an
 * attacker would use: a DOCTYPE (so no entity expansion and no external entity can be loaded),
 * documents over {@link #MAX_CHARS} characters and elements nested deeper than {@link #MAX_DEPTH}.
 * Policies come from operators, but through an API and a Kubernetes webhook, so they are input.
 */
final class SafeXml {

    /** A real policy is a few hundred bytes; 64 Ki characters leaves room for long templates. */
    static final int MAX_CHARS = 64 * 1024;
    /** The deepest real policy element is {@code MessageLogging/Syslog/SSLInfo/Ciphers/Cipher}: 5. */
    static final int MAX_DEPTH = 12;

    /** Why a document was refused before its content was looked at. */
    static final class Refused extends Exception {
        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private SafeXml() {
    }

    static XmlElement read(String xml) throws Refused {
        if (xml == null || xml.isBlank()) {
            throw new Refused(PolicyErrors.INVALID_XML, "the policy document is empty");
        }
        if (xml.length() > MAX_CHARS) {
            throw new Refused(PolicyErrors.POLICY_TOO_LARGE,
                    "the policy document has " + xml.length() + " characters, more than the " + MAX_CHARS + " allowed");
        }
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(xml));
            return readDocument(reader);
        } catch (XMLStreamException e) {
            throw new Refused(PolicyErrors.INVALID_XML, "the policy is not well-formed XML: " + describe(e));
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation whatever else is on the class path, with every external access off
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        return factory;
    }

    private static XmlElement readDocument(XMLStreamReader reader) throws XMLStreamException, Refused {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new Refused(PolicyErrors.DOCTYPE_NOT_ALLOWED,
                        "a DOCTYPE is not allowed in a policy (no DTDs, no entities)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new Refused(PolicyErrors.DOCTYPE_NOT_ALLOWED,
                        "the entity reference &" + reader.getLocalName() + "; is not allowed in a policy");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new Refused(PolicyErrors.XML_TOO_DEEP,
                                "elements are nested deeper than " + MAX_DEPTH + " levels");
                    }
                    open.push(new Builder(reader));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // comments, processing instructions, the document's start and end: nothing to keep
                }
            }
        }
        return root;
    }

    private static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the position, drop the layout
        return message.replace("\nMessage: ", " ").strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing to release for a string source
            }
        }
    }

    private static final class Builder {
        private final String name;
        private final Map<String, String> attributes = new HashMap<>();
        private final List<XmlElement> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Builder(XMLStreamReader reader) {
            name = reader.getLocalName();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }

        XmlElement build() {
            return new XmlElement(name, attributes, children, text.toString());
        }
    }
}
