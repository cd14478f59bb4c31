package org.clusterlogs.policy.kubernetes;

import java.util.List;

/**
 * What a {@code MessageLoggingPolicy} asks for.
 *
 * @param xml         the {@code <MessageLogging>} document; its {@code name} attribute names the policy
 * @param environment where to deploy it; the API server fills in {@code default} when it is left out
 * @param services    the services it applies to; null: every service
 */
public record PolicyResourceSpec(String xml, String environment, List<String> services) {
}
