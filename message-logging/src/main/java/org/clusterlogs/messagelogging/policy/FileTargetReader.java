package org.clusterlogs.messagelogging.policy;

import org.clusterlogs.messagelogging.template.MessageTemplate;

import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/** Reads and validates {@code <File>} and its {@code <FileRotationOptions>}. */
final class FileTargetReader {

    private static final Set<String> CHILDREN = Set.of("Message", "FileName", "FileRotationOptions");
    private static final Set<String> ROTATION_CHILDREN = Set.of("FileRotationType", "MaxFileSizeInMB",
            "RotationFrequency", "MaxFilesToRetain");

    private final ElementReader reader;
    private final PolicyErrors errors;
    private final boolean ignoreUnresolved;

    FileTargetReader(XmlElement element, PolicyErrors errors, boolean ignoreUnresolved) {
        this.reader = new ElementReader(element, errors, CHILDREN);
        this.errors = errors;
        this.ignoreUnresolved = ignoreUnresolved;
    }

    FileTarget read() {
        MessageTemplate message = MessageElement.read(reader, "File", errors, ignoreUnresolved);
        String fileName = fileName(reader.text("FileName").orElse(""));
        // rotateLogFileOnStartup on File is the oldest spelling of rotateFileOnStartup
        boolean legacyStartup = reader.boolAttribute("rotateLogFileOnStartup", FileRotation.DEFAULTS.rotateOnStartup());
        reader.boolAttribute("async", true); // destinations are always asynchronous
        FileRotation rotation = reader.single("FileRotationOptions")
                .map(e -> rotation(e, legacyStartup))
                .orElse(new FileRotation(legacyStartup, FileRotation.DEFAULTS.type(), FileRotation.DEFAULTS.maxFileSizeInMB(),
                        FileRotation.DEFAULTS.frequency(), FileRotation.DEFAULTS.unit(),
                        FileRotation.DEFAULTS.maxFilesToRetain()));
        return new FileTarget(message, fileName, rotation);
    }

    private String fileName(String value) {
        boolean valid = !value.isEmpty() && !value.equals(".") && !value.contains("/") && !value.contains("\\")
                && !value.contains("..") && value.chars().noneMatch(Character::isISOControl) && value.length() <= 200;
        if (!valid) {
            errors.invalidFileName(value);
        }
        return value;
    }

    private FileRotation rotation(XmlElement element, boolean legacyStartup) {
        ElementReader options = new ElementReader(element, errors, ROTATION_CHILDREN);
        FileRotation d = FileRotation.DEFAULTS;
        boolean onStartup = options.boolAttribute("rotateFileOnStartup", legacyStartup);
        RotationType type = options.text("FileRotationType").filter(v -> !v.isEmpty()).map(this::type).orElse(d.type());
        int maxSize = number(options, "MaxFileSizeInMB", d.maxFileSizeInMB(), n -> n >= 1, "a whole number of at least 1");
        int retain = number(options, "MaxFilesToRetain", d.maxFilesToRetain(), n -> n >= 0,
                "a whole number, 0 to keep every file");
        int frequency = number(options, "RotationFrequency", d.frequency(), n -> n >= 1, "a whole number of at least 1");
        RotationUnit unit = options.single("RotationFrequency").flatMap(e -> e.attribute("unit"))
                .filter(v -> !v.isBlank()).map(this::unit).orElse(d.unit());
        return new FileRotation(onStartup, type, maxSize, frequency, unit, retain);
    }

    private RotationType type(String value) {
        try {
            return RotationType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.invalidRotationType(value);
            return FileRotation.DEFAULTS.type();
        }
    }

    private RotationUnit unit(String value) {
        try {
            return RotationUnit.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.invalidRotationOption("RotationFrequency unit", value, "second, minute, hour, day or month");
            return FileRotation.DEFAULTS.unit();
        }
    }

    private int number(ElementReader options, String element, int defaultValue, IntPredicate valid, String expected) {
        String value = options.text(element).orElse("");
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (valid.test(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.invalidRotationOption(element, value, expected);
        return defaultValue;
    }
}
