package org.clusterlogs.cli;

import org.clusterlogs.cli.config.ConfigStore;
import org.clusterlogs.cli.config.Settings;
import org.clusterlogs.cli.http.ClusterClient;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command takes from the world outside its arguments: the environment (cluster URL,
 * token, where the config file lives), standard input (a password) and the signal that ends a
 * follow, and whether the output is a terminal (colours by default). One record so that a test
 * runs the commands in its own JVM with an environment of its own.
 */
public record CliContext(Map<String, String> env, InputStream stdin, StopSignal stop, boolean terminal) {

    /**
     * The process' own environment and standard input; Ctrl-C stops a follow. Java 17 tells a
     * terminal only through {@link System#console()}, which is there when both standard input
     * and output are the terminal: {@code clusterlogs logs q < /dev/null} prints without colour.
     */
    public static CliContext system() {
        StopSignal stop = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(stop::stop, "clusterlogs-stop"));
        return new CliContext(System.getenv(), System.in, stop, System.console() != null);
    }

    /** {@code $XDG_CONFIG_HOME/clusterlogs/config.json}, else {@code ~/.config/clusterlogs/config.json}. */
    public ConfigStore configStore() {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return new ConfigStore(base.resolve("clusterlogs").resolve("config.json"));
    }

    /** A client of the cluster with the URL and token of the environment or the config file; fails without either. */
    public ClusterClient client() {
        Settings settings = Settings.resolve(env, configStore().load());
        return new ClusterClient(settings.requireUrl(), settings.requireToken());
    }
}
