package org.clusterlogs.messagelogging.template;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The functions of the template language: the subset of Apigee's message-template functions that
 * makes sense for a line about an API call. Everything else is an unknown function, refused when
 * the policy is deployed.
 */
final class TemplateFunctions {

    private static final Map<String, TemplateFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("escapeJSON", unary(TemplateFunctions::escapeJson)),
            Map.entry("escapeXML", unary(TemplateFunctions::escapeXml)),
            Map.entry("toUpperCase", unary(s -> s.toUpperCase(Locale.ROOT))),
            Map.entry("toLowerCase", unary(s -> s.toLowerCase(Locale.ROOT))),
            Map.entry("encodeBase64", unary(s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)))),
            Map.entry("sha256Hex", unary(s -> digestHex("SHA-256", s))),
            Map.entry("firstnonnull", new Fixed(1, 16,
                    args -> args.stream().filter(Objects::nonNull).findFirst().orElse(null))),
            Map.entry("substring", new Fixed(2, 3, TemplateFunctions::substring)),
            Map.entry("replaceAll", new Fixed(3, 3, args -> args.get(0) == null ? null
                    : args.get(0).replaceAll(required(args, 1), required(args, 2)))),
            Map.entry("replaceFirst", new Fixed(3, 3, args -> args.get(0) == null ? null
                    : args.get(0).replaceFirst(required(args, 1), required(args, 2)))));

    private TemplateFunctions() {
    }

    /** The function of that name, or null. Names are case-sensitive, as in Apigee. */
    static TemplateFunction lookup(String name) {
        return FUNCTIONS.get(name);
    }

    /** Every function name, sorted: for error messages and the documentation. */
    static Set<String> names() {
        return new TreeSet<>(FUNCTIONS.keySet());
    }

    private record Fixed(int minArgs, int maxArgs, Function<List<String>, String> body) implements TemplateFunction {
        @Override
        public String apply(List<String> args) {
            return body.apply(args);
        }
    }

    private static TemplateFunction unary(Function<String, String> body) {
        return new Fixed(1, 1, args -> args.get(0) == null ? null : body.apply(args.get(0)));
    }

    private static String required(List<String> args, int index) {
        String value = args.get(index);
        if (value == null) {
            throw new IllegalArgumentException("argument " + (index + 1) + " is unresolved");
        }
        return value;
    }

    static String escapeJson(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }

    static String escapeXml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String substring(List<String> args) {
        String s = args.get(0);
        if (s == null) {
            return null;
        }
        int begin = Math.min(Integer.parseInt(required(args, 1)), s.length());
        int end = args.size() > 2 ? Math.min(Integer.parseInt(required(args, 2)), s.length()) : s.length();
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("substring(" + begin + ", " + end + ") of a string of " + s.length());
        }
        return s.substring(begin, end);
    }

    private static String digestHex(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
