package org.clusterlogs.discovery.proxy;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.clusterlogs.security.config.AuthConfig;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proxied path families, as one Vert.x route behind the auth filter and before the JAX-RS
 * resources (a streaming body has no business in JAX-RS): the agent routes to a node's
 * log-service ({@code /system/v1/agent/{agent}/logs/**} → {@code /system/v1/logs/**},
 * {@code /agent/{agent}/files/{read,browse,download}} → {@code /files/...}), auth-service's API
 * ({@code /acs/api/v1/**}, except {@code /acs/api/v1/internal/**}, which stays inside the
 * cluster: 404 here) and policy-service's ({@code /v1/policies/**}, {@code /v1/environments/**}),
 * so that one base URL serves the whole cluster. Paths are matched and forwarded in their
 * normalised form (dot segments resolved, as the auth filter saw them), so what was authorised is
 * what the upstream gets; the query goes as it came, byte for byte.
 */
@Singleton
public class ProxyRoutes {

    private static final Pattern AGENT_LOGS = Pattern.compile("/system/v1/agent/([^/]+)(/logs(?:/.*)?)");
    private static final Pattern AGENT_FILES = Pattern.compile("/agent/([^/]+)(/files/(?:read|browse|download))");
    private static final Pattern ACS_INTERNAL = Pattern.compile("/acs/api/v1/internal(?:/.*)?");
    private static final Pattern ACS = Pattern.compile("/acs/api/v1(?:/.*)?");
    private static final Pattern POLICY = Pattern.compile("/v1/(?:policies|environments)(?:/.*)?");

    private final AgentUpstreams agents;
    private final StreamProxy proxy;
    private final ProxyProblems problems;
    private final URI authService;
    private final URI policyService;

    public ProxyRoutes(AgentUpstreams agents, StreamProxy proxy, ProxyProblems problems, AuthConfig auth,
                       DiscoveryConfig config) {
        this.agents = agents;
        this.proxy = proxy;
        this.problems = problems;
        this.authService = serviceUrl("auth.url", auth.url());
        this.policyService = serviceUrl("discovery.policy-service.url", config.policyService().url());
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::dispatch);
    }

    private void dispatch(RoutingContext rc) {
        String path = rc.normalizedPath();
        String query = rc.request().query();
        Matcher m;
        if ((m = AGENT_LOGS.matcher(path)).matches()) {
            forward(rc, ProxyFamily.AGENT_LOGS, m.group(1), "/system/v1" + m.group(2), query);
        } else if ((m = AGENT_FILES.matcher(path)).matches()) {
            forward(rc, ProxyFamily.AGENT_FILES, m.group(1), m.group(2), query);
        } else if (ACS_INTERNAL.matcher(path).matches()) {
            problems.send(rc, ProxyFamily.ACS, new ProblemException(404, "RouteNotFound", "auth-service's internal "
                    + "API is not served at the cluster's address; services inside the cluster ask auth-service"));
        } else if (ACS.matcher(path).matches()) {
            proxy.forward(rc, ProxyFamily.ACS, Upstream.at("auth-service", authService, path, query));
        } else if (POLICY.matcher(path).matches()) {
            proxy.forward(rc, ProxyFamily.POLICY, Upstream.at("policy-service", policyService, path, query));
        } else {
            rc.next();
        }
    }

    private void forward(RoutingContext rc, ProxyFamily family, String agentId, String path, String query) {
        Upstream upstream;
        try {
            upstream = agents.resolve(agentId, path, query);
        } catch (RuntimeException e) {
            problems.send(rc, family, e);
            return;
        }
        proxy.forward(rc, family, upstream);
    }

    /** A configured base URL, checked at start: a typo fails the start, not every request. */
    private static URI serviceUrl(String key, String url) {
        URI uri = URI.create(url);
        Upstream.at(key, uri, "/", null);
        return uri;
    }
}
