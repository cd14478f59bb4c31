package org.clusterlogs.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The config file's content: the cluster's base URL, the token of the last login and whose it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredConfig(String url, String token, String uid) {

    public static final StoredConfig EMPTY = new StoredConfig(null, null, null);
}
