package org.clusterlogs.security.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which rule a request path falls under: public (no token looked at), a named family of
 * protected paths with the permissions any one of which allows it, or, for every other path,
 * "a valid token and nothing more". Patterns are exact paths or prefixes ending in {@code /*}
 * (which also match the prefix itself), a {@code *} segment inside standing for any one segment
 * (such as {@code /users/*&#47;permissions}); the longest pattern wins, an exact one over a prefix of
 * the same length. Paths are compared after Vert.x's normalisation, as routes are matched.
 */
public final class RouteRules {

    /** The rule of every path no pattern names: authenticated callers only. */
    public static final Rule AUTHENTICATED = new Rule("authenticated", List.of(), false);
    private static final Rule PUBLIC = new Rule("public", List.of(), true);
    private static final Set<String> ACTIONS = Set.of("create", "read", "update", "delete", "full");

    private final List<Pattern> patterns = new ArrayList<>();

    /**
     * @param publicPaths paths anyone may call
     * @param routes      per family name, its paths and its {@code <rid> <action>} permissions
     * @throws IllegalArgumentException for a malformed pattern or permission (a configuration error)
     */
    public RouteRules(List<String> publicPaths, Map<String, Route> routes) {
        publicPaths.forEach(p -> patterns.add(Pattern.of(p, PUBLIC)));
        routes.forEach((name, route) -> {
            Rule rule = new Rule(name, route.permissions().stream().map(RouteRules::permission).toList(), false);
            route.paths().forEach(p -> patterns.add(Pattern.of(p, rule)));
        });
    }

    /** The rule of {@code path} (normalised, without query). */
    public Rule match(String path) {
        String[] parts = path.split("/", -1);
        Pattern best = null;
        for (Pattern p : patterns) {
            if (p.matches(parts) && (best == null || p.beats(best))) {
                best = p;
            }
        }
        return best == null ? AUTHENTICATED : best.rule();
    }

    private static Permission permission(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2 || !ACTIONS.contains(parts[1].toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a permission is '<rid> <action>' with action create, read, update, "
                    + "delete or full; got '" + text + "'");
        }
        return new Permission(parts[0], parts[1].toLowerCase(Locale.ROOT));
    }

    /** One family's configuration, as given. */
    public record Route(List<String> paths, List<String> permissions) {
    }

    /** A permission a rule accepts. */
    public record Permission(String rid, String action) {
    }

    /**
     * @param name      the family name (for logs)
     * @param anyOf     permissions any one of which allows; empty: a valid token suffices
     * @param open      true for public paths
     */
    public record Rule(String name, List<Permission> anyOf, boolean open) {
    }

    /**
     * A path pattern: exact, or a prefix ending in {@code /*} (the prefix itself included); a
     * {@code *} segment inside it matches any one non-empty segment.
     */
    private record Pattern(String base, List<String> segments, boolean prefix, Rule rule) {

        static Pattern of(String text, Rule rule) {
            if (!text.startsWith("/")) {
                throw new IllegalArgumentException("a path pattern starts with '/': " + text);
            }
            boolean prefix = text.endsWith("/*");
            String base = prefix ? text.substring(0, text.length() - 2) : text;
            List<String> segments = List.of(base.split("/", -1));
            for (String segment : segments) {
                if (segment.contains("*") && !segment.equals("*")) {
                    throw new IllegalArgumentException("'*' stands only for a whole segment: " + text);
                }
            }
            return new Pattern(base, segments, prefix, rule);
        }

        /** @param parts the path split at every {@code /} (the first part is the empty one before it) */
        boolean matches(String[] parts) {
            if (prefix && base.isEmpty()) {
                return true;
            }
            if (parts.length < segments.size() || !prefix && parts.length != segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment.equals("*") ? parts[i].isEmpty() : !segment.equals(parts[i])) {
                    return false;
                }
            }
            return true;
        }

        boolean beats(Pattern other) {
            if (base.length() != other.base.length()) {
                return base.length() > other.base.length();
            }
            return !prefix && other.prefix;
        }
    }
}
