package org.clusterlogs.messagelogging.service;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a service needs besides the data plane's own {@code messagelogging.*} settings: where the
 * deployed set comes from and the names its flow variables and files carry. Read from plain keys
 * (not a config mapping) because the data plane's keys share the {@code messagelogging.} prefix.
 *
 * @param policyServiceUrl policy-service's base URL; empty: nothing is followed (only the state file counts)
 * @param environment      the environment whose deployments this service runs
 * @param service          {@code quarkus.application.name}: selects deployments, is {@code apiproxy.name}
 * @param organization     {@code organization.name}
 * @param revision         {@code apiproxy.revision}: the service's version
 * @param stateFile        where the last deployed set is kept for a start without policy-service
 */
public record ServiceSettings(Optional<URI> policyServiceUrl, String environment, String service,
                              String organization, String revision, Path stateFile) {

    public static final String POLICY_SERVICE_URL = "messagelogging.policy-service.url";
    public static final String ENVIRONMENT = "messagelogging.environment";
    public static final String ORGANIZATION = "messagelogging.organization";
    public static final String STATE_FILE = "messagelogging.state-file";

    public static ServiceSettings from(Function<String, Optional<String>> config) {
        return new ServiceSettings(
                config.apply(POLICY_SERVICE_URL).map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s)),
                config.apply(ENVIRONMENT).orElse("default"),
                config.apply("quarkus.application.name").orElse("unknown"),
                config.apply(ORGANIZATION).orElse("clusterlogs"),
                config.apply("service-info.version").orElse("0"),
                Path.of(config.apply(STATE_FILE).orElse("./data/messagelogging-deployed.json")));
    }
}
