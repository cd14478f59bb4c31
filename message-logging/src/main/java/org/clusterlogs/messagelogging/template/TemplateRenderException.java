package org.clusterlogs.messagelogging.template;

/**
 * A template could not be rendered for one call: an unresolved reference under
 * {@code IgnoreUnresolvedVariables=false}, or a function that failed on its arguments. The
 * caller turns it into the policy's runtime fault ({@code steps.messagelogging.StepDefinitionExecutionFailed})
 * or, with {@code continueOnError}, into the {@code messagelogging.*.failed} flow variables.
 */
public class TemplateRenderException extends RuntimeException {

    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
