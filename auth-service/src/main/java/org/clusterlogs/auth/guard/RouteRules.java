package org.clusterlogs.auth.guard;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each route of {@code /acs/api/v1} needs. Open: login, JWKS, logout, providers. Any valid
 * token: refresh, and reading one's own permissions. The policy query: {@code full} on
 * {@code dcos:adminrouter:acs:policyquery} or {@code dcos:adminrouter:acs}. Everything else (the
 * management API): {@code full} on {@code dcos:adminrouter:acs}. A superuser passes every rule.
 * Paths outside {@code /acs/api/v1} (service info, test routes) are not this guard's business.
 */
final class RouteRules {

    static final String PREFIX = "/acs/api/v1/";
    static final String ACS = "dcos:adminrouter:acs";
    static final String POLICY_QUERY = "dcos:adminrouter:acs:policyquery";

    private static final Set<String> OPEN = Set.of("auth/login", "auth/jwks", "auth/logout", "auth/providers");
    private static final Pattern OWN_PERMISSIONS = Pattern.compile("users/([^/]+)/permissions");

    /** What a route needs: nothing, a valid token, or a valid token and one of these rids with {@code full}. */
    record Rule(boolean open, List<String> rids, String ownUid) {

        static final Rule OPEN_ROUTE = new Rule(true, List.of(), null);
        static final Rule TOKEN = new Rule(false, List.of(), null);

        boolean needsPermission() {
            return !rids.isEmpty();
        }
    }

    private RouteRules() {
    }

    static Rule of(String method, String path) {
        if (!path.startsWith(PREFIX)) {
            return Rule.OPEN_ROUTE;
        }
        String route = path.substring(PREFIX.length());
        if (OPEN.contains(route)) {
            return Rule.OPEN_ROUTE;
        }
        if (route.equals("auth/refresh")) {
            return Rule.TOKEN;
        }
        if (route.equals("internal/policyquery")) {
            return new Rule(false, List.of(POLICY_QUERY, ACS), null);
        }
        Matcher own = OWN_PERMISSIONS.matcher(route);
        if (own.matches() && method.equals("GET")) {
            return new Rule(false, List.of(ACS), own.group(1));
        }
        return new Rule(false, List.of(ACS), null);
    }
}
