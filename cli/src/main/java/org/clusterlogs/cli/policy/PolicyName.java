package org.clusterlogs.cli.policy;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

/**
 * The name a policy document gives itself: its root element's {@code name} attribute (what
 * policy-service checks against the name in the path), else the file's name without
 * {@code .xml}. Only the root element is read, with DTDs and entities off; whether the document
 * is valid is policy-service's to say.
 */
final class PolicyName {

    private PolicyName() {
    }

    static String of(byte[] document, Path file) {
        String own = rootName(document);
        if (own != null && !own.isBlank()) {
            return own;
        }
        String fileName = file.getFileName().toString();
        return fileName.endsWith(".xml") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    private static String rootName(byte[] document) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.START_ELEMENT) {
                        return reader.getAttributeValue(null, "name");
                    }
                }
                return null;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException notXml) {
            return null; // policy-service says what is wrong with it
        }
    }
}
