package org.clusterlogs.messagelogging.file;

/**
 * What names a policy's files in the prefixed and nested layouts: the reference's
 * organization, environment, proxy (our service), revision and policy.
 */
public record FileScope(String organization, String environment, String service, int revision, String policy) {
}
