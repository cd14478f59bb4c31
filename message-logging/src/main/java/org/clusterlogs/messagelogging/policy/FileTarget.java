package org.clusterlogs.messagelogging.policy;

import org.clusterlogs.messagelogging.template.MessageTemplate;

/**
 * A policy's {@code <File>} destination: a base file name (no directory; where it lives is the
 * service's choice, see {@code messagelogging.file.*}) and its rotation.
 */
public record FileTarget(MessageTemplate message, String fileName, FileRotation rotation) {
}
