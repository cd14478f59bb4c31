package org.clusterlogs.policy.kubernetes;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A {@code MessageLoggingPolicy} custom resource ({@code deploy/base/policy-service/crd.yaml}): a
 * policy document and where to deploy it, as the Kubernetes Client reads and writes it.
 */
@Group(PolicyCustomResource.GROUP)
@Version("v1")
@Kind("MessageLoggingPolicy")
@Plural("messageloggingpolicies")
@ShortNames("mlp")
public class PolicyCustomResource extends CustomResource<PolicyResourceSpec, PolicyResourceStatus>
        implements Namespaced {

    public static final String GROUP = "logging.clusterlogs.org";
}
