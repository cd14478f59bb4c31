package org.clusterlogs.messagelogging.template;

import java.util.List;

/** One piece of a compiled template. */
sealed interface TemplatePart {

    /** Text copied as it is, braces included when they do not form a reference. */
    record Literal(String text) implements TemplatePart {
    }

    /** {@code {name}} or {@code {name:default}}; {@code inlineDefault} is null without a colon. */
    record Reference(String name, String inlineDefault) implements TemplatePart {
    }

    /** {@code {function(arg, ...)}}. */
    record Call(String name, TemplateFunction function, List<Argument> args) implements TemplatePart {
    }

    /** An argument of a call: a variable (with an optional inline default) or a literal. */
    sealed interface Argument {
        String value(FlowVariables variables);
    }

    record VariableArgument(String name, String inlineDefault) implements Argument {
        @Override
        public String value(FlowVariables variables) {
            String value = variables.get(name);
            return value != null ? value : inlineDefault;
        }
    }

    record LiteralArgument(String text) implements Argument {
        @Override
        public String value(FlowVariables variables) {
            return text;
        }
    }
}
