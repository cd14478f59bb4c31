package org.clusterlogs.messagelogging.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into literals, references and calls. The rule for braces is Apigee's: a pair
 * of braces is a reference only when what is between them is a legal reference, so JSON such as
 * {@code {"a":"b"}} stays literal text and there is no escape sequence to learn. A brace pair that
 * looks like a call ({@code {name(...)}}) is a call, and an unknown function is an error.
 */
final class TemplateCompiler {

    /** Variable names: letters, digits, {@code _ . -}; header names such as {@code X-Request-Id} need the hyphen. */
    static final Pattern REFERENCE = Pattern.compile("([A-Za-z0-9_.\\-]+)(?::([^{}]*))?");
    private static final Pattern CALL = Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

    private final String text;
    private final List<TemplatePart> parts = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    TemplateCompiler(String text) {
        this.text = text;
    }

    MessageTemplate compile(String defaultVariableValue, boolean ignoreUnresolved) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? closingBrace(i) : -1;
            if (close < 0 || !braced(text.substring(i + 1, close))) {
                literal.append(c);
                i++;
            } else {
                i = close + 1;
            }
        }
        flushLiteral();
        if (!problems.isEmpty()) {
            throw new TemplateSyntaxException(problems);
        }
        return new MessageTemplate(text, parts, defaultVariableValue, ignoreUnresolved);
    }

    /** The index of the {@code }} closing the brace at {@code open}, or -1 when another {@code {} comes first. */
    private int closingBrace(int open) {
        for (int j = open + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '}') {
                return j;
            }
            if (c == '{') {
                return -1;
            }
        }
        return -1;
    }

    /** Adds the part the brace content makes and answers true, or answers false when it is literal text. */
    private boolean braced(String content) {
        Matcher reference = REFERENCE.matcher(content);
        if (reference.matches()) {
            flushLiteral();
            parts.add(new TemplatePart.Reference(reference.group(1), reference.group(2)));
            return true;
        }
        Matcher call = CALL.matcher(content);
        if (call.matches()) {
            flushLiteral();
            parts.add(call(call.group(1), call.group(2)));
            return true;
        }
        return false;
    }

    private TemplatePart call(String name, String argumentText) {
        TemplateFunction function = TemplateFunctions.lookup(name);
        int before = problems.size();
        List<TemplatePart.Argument> args = arguments(name, argumentText);
        boolean argumentsRead = problems.size() == before; // a bad argument is reported once, not again as arity
        if (function == null) {
            problems.add("unknown function " + name + " (known: " + String.join(", ", TemplateFunctions.names()) + ")");
        } else if (argumentsRead && (args.size() < function.minArgs() || args.size() > function.maxArgs())) {
            problems.add(name + " takes " + arity(function) + ", got " + args.size());
        }
        return new TemplatePart.Call(name, function, args);
    }

    private static String arity(TemplateFunction f) {
        String count = f.minArgs() == f.maxArgs() ? Integer.toString(f.minArgs()) : f.minArgs() + " to " + f.maxArgs();
        return count + (f.maxArgs() == 1 ? " argument" : " arguments");
    }

    /** Arguments separated by commas: a variable (optionally {@code name:default}), a number, or {@code 'quoted text'}. */
    private List<TemplatePart.Argument> arguments(String function, String argumentText) {
        List<TemplatePart.Argument> args = new ArrayList<>();
        if (argumentText.isBlank()) {
            return args;
        }
        for (String raw : splitArguments(argumentText)) {
            String arg = raw.strip();
            Matcher variable = REFERENCE.matcher(arg);
            if (arg.length() >= 2 && arg.startsWith("'") && arg.endsWith("'")) {
                args.add(new TemplatePart.LiteralArgument(arg.substring(1, arg.length() - 1)));
            } else if (NUMBER.matcher(arg).matches()) {
                args.add(new TemplatePart.LiteralArgument(arg));
            } else if (variable.matches()) {
                args.add(new TemplatePart.VariableArgument(variable.group(1), variable.group(2)));
            } else {
                problems.add("invalid argument '" + arg + "' of " + function
                        + " (a variable name, a number or 'quoted text')");
            }
        }
        return args;
    }

    /** Splits at commas outside single quotes. */
    private static List<String> splitArguments(String s) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private void flushLiteral() {
        if (!literal.isEmpty()) {
            parts.add(new TemplatePart.Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
