package org.clusterlogs.messagelogging.policy;

import java.util.Optional;

/**
 * A valid {@code <MessageLogging>} policy with every default applied: what {@link PolicyParser}
 * returns and what a service executes. Immutable; the templates inside are compiled.
 *
 * @param name                      the policy's name
 * @param displayName               {@code <DisplayName>}, the name when absent
 * @param enabled                   {@code enabled}: false skips the policy entirely
 * @param continueOnError           {@code continueOnError}: a rendering failure sets flow variables instead of a fault
 * @param logLevel                  {@code <logLevel>}, default INFO
 * @param ignoreUnresolvedVariables {@code <IgnoreUnresolvedVariables>}, default true
 * @param bufferMessage             {@code <BufferMessage>}, default false (accepted; bodies are never read)
 * @param syslog                    the {@code <Syslog>} destination, if any
 * @param file                      the {@code <File>} destination, if any (at least one of the two is present)
 */
public record MessageLoggingPolicy(String name, String displayName, boolean enabled, boolean continueOnError,
                                   LogLevel logLevel, boolean ignoreUnresolvedVariables, boolean bufferMessage,
                                   Optional<SyslogTarget> syslog, Optional<FileTarget> file) {
}
