package org.clusterlogs.policy.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.clusterlogs.policy.config.PolicyConfig;
import org.jboss.logging.Logger;

/**
 * The watch on {@code MessageLoggingPolicy} resources ({@code policy.kubernetes.enabled}): one
 * shared informer on the resources of one namespace hands every added or changed resource to
 * {@link PolicyResourceSync} and writes the status it answers back (only when it changed, so the
 * watch's own status writes end there), and every deleted one to be undeployed. The informer's
 * periodic resync applies every resource again, which is how a failed step (the store was down)
 * is tried again; applying is idempotent, so every replica runs this watch and none needs to lead.
 */
@ApplicationScoped
public class PolicyResourceWatch {

    private static final Logger LOG = Logger.getLogger(PolicyResourceWatch.class);

    private final PolicyConfig config;
    private final Instance<KubernetesClient> clients;
    private final PolicyResourceSync sync;
    private final WatchedNamespace watched;
    private SharedIndexInformer<PolicyCustomResource> informer;
    private MixedOperation<PolicyCustomResource, KubernetesResourceList<PolicyCustomResource>,
            Resource<PolicyCustomResource>> resources;
    private String namespace;

    public PolicyResourceWatch(PolicyConfig config, Instance<KubernetesClient> clients, PolicyResourceSync sync,
                               WatchedNamespace watched) {
        this.config = config;
        this.clients = clients;
        this.sync = sync;
        this.watched = watched;
    }

    void start(@Observes StartupEvent event) {
        if (!config.kubernetes().enabled()) {
            return;
        }
        namespace = watched.get().orElseThrow();
        resources = clients.get().resources(PolicyCustomResource.class);
        informer = resources.inNamespace(namespace).runnableInformer(config.kubernetes().resync().toMillis());
        informer.exceptionHandler((started, failure) -> {
            LOG.warnf("MessageLoggingPolicy watch in %s: %s; trying again", namespace, failure.toString());
            return true;
        });
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(PolicyCustomResource resource) {
                applied(resource);
            }

            @Override
            public void onUpdate(PolicyCustomResource before, PolicyCustomResource after) {
                applied(after);
            }

            @Override
            public void onDelete(PolicyCustomResource resource, boolean finalStateUnknown) {
                deleted(resource);
            }
        });
        informer.start();
        LOG.infof("Watching MessageLoggingPolicy resources in namespace %s", namespace);
    }

    @PreDestroy
    void stop() {
        if (informer != null) {
            informer.close();
        }
    }

    private void applied(PolicyCustomResource resource) {
        String name = resource.getMetadata().getName();
        try {
            PolicyResourceStatus status = sync.applied(resource);
            if (status.equals(resource.getStatus())) {
                return;
            }
            resources.inNamespace(namespace).withName(name).editStatus(current -> {
                current.setStatus(status);
                return current;
            });
            if (status.message() != null) {
                LOG.warnf("MessageLoggingPolicy %s/%s is not deployed: %s", namespace, name, status.message());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "MessageLoggingPolicy %s/%s: failed, tried again at the next resync", namespace, name);
        }
    }

    private void deleted(PolicyCustomResource resource) {
        try {
            sync.deleted(resource);
        } catch (RuntimeException e) {
            LOG.warnf(e, "MessageLoggingPolicy %s/%s was deleted and could not be undeployed", namespace,
                    resource.getMetadata().getName());
        }
    }
}
