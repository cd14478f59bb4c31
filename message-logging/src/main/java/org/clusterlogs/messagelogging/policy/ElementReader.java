package org.clusterlogs.messagelogging.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the children of one element by name, in whatever order they were written, reporting
 * children that do not belong there and single-valued children given twice.
 */
final class ElementReader {

    private final XmlElement element;
    private final PolicyErrors errors;

    ElementReader(XmlElement element, PolicyErrors errors, Set<String> allowed) {
        this.element = element;
        this.errors = errors;
        for (XmlElement child : element.children()) {
            if (!allowed.contains(child.name())) {
                errors.unknownElement(child.name(), element.name());
            }
        }
    }

    XmlElement element() {
        return element;
    }

    /** The child of that name; a second one is reported and ignored. */
    Optional<XmlElement> single(String name) {
        List<XmlElement> found = element.children(name);
        if (found.size() > 1) {
            errors.duplicateElement(name, element.name());
        }
        return found.stream().findFirst();
    }

    /** The trimmed text of the child of that name, if the child is present. */
    Optional<String> text(String name) {
        return single(name).map(XmlElement::value);
    }

    /** A {@code true}/{@code false} child (any case); absent or empty means the default. */
    boolean bool(String name, boolean defaultValue) {
        return text(name).map(v -> parseBoolean(name, v, defaultValue)).orElse(defaultValue);
    }

    /** A {@code true}/{@code false} attribute of this element; absent or empty means the default. */
    boolean boolAttribute(String name, boolean defaultValue) {
        return element.attribute(name).map(v -> parseBoolean(name, v.strip(), defaultValue)).orElse(defaultValue);
    }

    private boolean parseBoolean(String name, String value, boolean defaultValue) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "" -> defaultValue;
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.invalidBoolean(name, value);
                yield defaultValue;
            }
        };
    }
}
