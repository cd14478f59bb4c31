package org.clusterlogs.messagelogging.template;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code <Message>}: parsed once when the policy is deployed, rendered on every call
 * without parsing again. Immutable and thread-safe.
 *
 * <p>Resolution of one reference: the variable's value (an empty string counts as a value);
 * else the inline default of {@code {name:default}}; else the message's
 * {@code defaultVariableValue}; else the empty string, or a {@link TemplateRenderException} when
 * the policy says {@code IgnoreUnresolvedVariables=false}.
 */
public final class MessageTemplate {

    private final String source;
    private final List<TemplatePart> parts;
    private final String defaultVariableValue;
    private final boolean ignoreUnresolved;
    private final int literalLength;

    MessageTemplate(String source, List<TemplatePart> parts, String defaultVariableValue, boolean ignoreUnresolved) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.defaultVariableValue = defaultVariableValue;
        this.ignoreUnresolved = ignoreUnresolved;
        this.literalLength = parts.stream()
                .mapToInt(p -> p instanceof TemplatePart.Literal l ? l.text().length() : 0).sum();
    }

    /**
     * Compiles a template.
     *
     * @param text                 the message text, XML entities already decoded
     * @param defaultVariableValue the message's fallback for unresolved references, or null
     * @param ignoreUnresolved     false: an unresolved reference without any default fails the render
     * @throws TemplateSyntaxException listing every problem found (unknown functions, wrong arity, bad arguments)
     */
    public static MessageTemplate compile(String text, String defaultVariableValue, boolean ignoreUnresolved) {
        return new TemplateCompiler(text).compile(defaultVariableValue, ignoreUnresolved);
    }

    /** Renders the message against one call's variables. */
    public String render(FlowVariables variables) {
        StringBuilder out = new StringBuilder(literalLength + 16 * parts.size());
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                out.append(literal.text());
            } else if (part instanceof TemplatePart.Reference reference) {
                out.append(fallback(reference.name(), variables.get(reference.name()), reference.inlineDefault()));
            } else if (part instanceof TemplatePart.Call call) {
                out.append(fallback(call.name() + "(...)", call(call, variables), null));
            }
        }
        return out.toString();
    }

    private String call(TemplatePart.Call call, FlowVariables variables) {
        List<String> args = new ArrayList<>(call.args().size());
        for (TemplatePart.Argument arg : call.args()) {
            args.add(arg.value(variables));
        }
        try {
            return call.function().apply(args);
        } catch (RuntimeException e) {
            throw new TemplateRenderException(call.name() + " failed: " + e.getMessage(), e);
        }
    }

    private String fallback(String what, String value, String inlineDefault) {
        if (value != null) {
            return value;
        }
        if (inlineDefault != null) {
            return inlineDefault;
        }
        if (defaultVariableValue != null) {
            return defaultVariableValue;
        }
        if (ignoreUnresolved) {
            return "";
        }
        throw new TemplateRenderException("unresolved variable " + what + " (IgnoreUnresolvedVariables is false)", null);
    }

    /** The template as written in the policy. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
