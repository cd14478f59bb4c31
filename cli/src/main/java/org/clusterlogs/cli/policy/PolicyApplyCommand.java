package org.clusterlogs.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.clusterlogs.cli.CliContext;
import org.clusterlogs.cli.http.ApiRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code clusterlogs policy apply FILE.xml}: stores the document as the policy's next revision.
 * policy-service validates it; a refused document's every error is printed (exit code 1).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Stores a <MessageLogging> document as a new revision of the policy.")
public class PolicyApplyCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.xml", description = "The policy document.")
    Path file;

    @Option(names = "--name", paramLabel = "N", description = "The policy's name (default: the document's name attribute, else the file's name without .xml).")
    String name;

    public PolicyApplyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), "cannot read the policy file " + file);
        }
        byte[] document = Files.readAllBytes(file);
        String policy = name != null ? name : PolicyName.of(document, file);
        JsonNode stored = context.client().json(
                ApiRequest.put("/v1/policies/" + ApiRequest.segment(policy), "application/xml", document));
        spec.commandLine().getOut().println("policy " + stored.path("name").asText(policy)
                + ": revision " + stored.path("revision").asText());
        return 0;
    }
}
