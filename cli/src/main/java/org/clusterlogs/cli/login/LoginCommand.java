package org.clusterlogs.cli.login;

import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.config.ConfigStore;
import org.clusterlogs.cli.config.Settings;
import org.clusterlogs.cli.config.StoredConfig;
import org.clusterlogs.cli.http.ApiFailure;
import org.clusterlogs.cli.http.ApiRequest;
import org.clusterlogs.cli.http.ClusterClient;
import org.clusterlogs.cli.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code clusterlogs login}: logs in at the cluster's address and stores the URL and the token. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Logs in and stores the cluster URL and the token in the config file (mode 0600).")
public class LoginCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "The cluster's address (discovery-service); default: the stored one or $CLUSTERLOGS_URL.")
    String url;

    @Option(names = "--uid", paramLabel = "UID", description = "The user; default: the last one logged in.")
    String uid;

    @Option(names = "--password-stdin", description = "Read the password from standard input (else it is asked on the terminal).")
    boolean passwordStdin;

    public LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ConfigStore store = context.configStore();
        StoredConfig stored = store.load();
        String base = firstSet(url, context.env().get(Settings.URL_VARIABLE), stored.url());
        if (base == null) {
            throw new ParameterException(spec.commandLine(), "no cluster URL: give --url URL");
        }
        String user = firstSet(uid, stored.uid());
        if (user == null) {
            throw new ParameterException(spec.commandLine(), "no user: give --uid UID");
        }
        String token = login(new ClusterClient(base, null), user, password());
        store.save(new StoredConfig(base, token, user));
        spec.commandLine().getOut().println("logged in to " + base + " as " + user);
        return 0;
    }

    private String login(ClusterClient client, String user, String password) throws IOException, InterruptedException {
        byte[] body = Json.mapper().writeValueAsBytes(Map.of("uid", user, "password", password));
        try {
            return client.json(ApiRequest.post("/acs/api/v1/auth/login", "application/json", body)).path("token").asText();
        } catch (ApiFailure refused) {
            throw refused.status() == 401 ? new ApiFailure(401, "login refused: wrong uid or password") : refused;
        }
    }

    private String password() throws IOException {
        if (passwordStdin) {
            String read = new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
            return read.endsWith("\r\n") ? read.substring(0, read.length() - 2)
                    : read.endsWith("\n") ? read.substring(0, read.length() - 1) : read;
        }
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(spec.commandLine(), "no terminal to ask the password on: use --password-stdin");
        }
        return new String(console.readPassword("Password: "));
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
