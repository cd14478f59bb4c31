package org.clusterlogs.messagelogging.policy;

import org.clusterlogs.messagelogging.template.MessageTemplate;
import org.clusterlogs.messagelogging.template.TemplateSyntaxException;

/** The {@code <Message>} of a destination: required, compiled at deployment so a bad template never reaches a call. */
final class MessageElement {

    private MessageElement() {
    }

    /** The compiled template, or null after reporting why there is none. */
    static MessageTemplate read(ElementReader reader, String handler, PolicyErrors errors, boolean ignoreUnresolved) {
        XmlElement message = reader.single("Message").orElse(null);
        if (message == null || message.text().isBlank()) {
            errors.missingMessage(handler);
            return null;
        }
        String defaultValue = message.attribute("defaultVariableValue").orElse(null);
        try {
            return MessageTemplate.compile(message.text(), defaultValue, ignoreUnresolved);
        } catch (TemplateSyntaxException e) {
            e.problems().forEach(problem -> errors.invalidTemplate(handler, problem));
            return null;
        }
    }
}
