package org.clusterlogs.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.http.ApiRequest;
import org.clusterlogs.cli.http.ClusterClient;
import org.clusterlogs.cli.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code clusterlogs policy deploy NAME --env ENV}: deploys a revision of a policy (the latest
 * by default) to an environment, for every service or the ones named.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploys a revision of a policy to an environment; the services there pick it up.")
public class PolicyDeployCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The policy.")
    String name;

    @Option(names = "--env", paramLabel = "ENV", required = true, description = "The environment.")
    String environment;

    @Option(names = "--revision", paramLabel = "N", description = "The revision (default: the latest).")
    Integer revision;

    @Option(names = "--services", paramLabel = "a,b", split = ",", description = "Only these services (default: every service).")
    List<String> services;

    public PolicyDeployCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ClusterClient client = context.client();
        String policy = ApiRequest.segment(name);
        int deployed = revision != null ? revision : latest(client, policy);
        ObjectNode body = Json.mapper().createObjectNode().put("revision", deployed);
        if (services != null) {
            body.set("services", Json.mapper().valueToTree(services));
        }
        JsonNode answer = client.json(ApiRequest.put("/v1/environments/" + ApiRequest.segment(environment)
                + "/deployments/" + policy, "application/json", Json.mapper().writeValueAsBytes(body)));
        JsonNode to = answer.path("services");
        spec.commandLine().getOut().println("policy " + name + " revision " + answer.path("revision").asText(String.valueOf(deployed))
                + " deployed to " + environment + " for " + (to.isArray() && to.size() > 0 ? join(to) : "every service"));
        return 0;
    }

    private static int latest(ClusterClient client, String policy) throws IOException, InterruptedException {
        int latest = 0;
        for (JsonNode number : client.json(ApiRequest.get("/v1/policies/" + policy + "/revisions")).path("revisions")) {
            latest = Math.max(latest, number.asInt());
        }
        return latest;
    }

    private static String join(JsonNode names) {
        StringBuilder joined = new StringBuilder();
        names.forEach(n -> joined.append(joined.length() == 0 ? "" : ", ").append(n.asText()));
        return joined.toString();
    }
}
