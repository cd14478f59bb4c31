package org.clusterlogs.discovery.index.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.clusterlogs.discovery.index.Agent;
import org.clusterlogs.discovery.index.SourceSnapshot;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskGroup;
import org.clusterlogs.discovery.index.TaskIndex;
import org.clusterlogs.discovery.index.TaskKind;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Kubernetes source of the task index ({@code discovery.kubernetes.enabled}): shared
 * informers on the pods of every namespace (or of {@code discovery.kubernetes.namespaces}) and
 * on the log-service DaemonSet's pods. An informer event only marks the index stale; a thread of
 * this source rebuilds the snapshot from the informers' stores at most every
 * {@link #REBUILD_EVERY_MS} ms, so a burst of pod changes costs one rebuild, and a request
 * never waits for one. Ready once every informer has listed its pods.
 */
@ApplicationScoped
public class KubernetesSource {

    /** The source's name in the index, its metrics and readiness. */
    public static final String NAME = "kubernetes";
    static final long REBUILD_EVERY_MS = 1000;
    private static final Logger LOG = Logger.getLogger(KubernetesSource.class);

    private final DiscoveryConfig config;
    private final Instance<KubernetesClient> clients;
    private final TaskIndex index;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private final List<PodInformer> taskInformers = new ArrayList<>();
    private PodInformer logServices;
    private ScheduledExecutorService rebuilder;

    public KubernetesSource(DiscoveryConfig config, Instance<KubernetesClient> clients, TaskIndex index) {
        this.config = config;
        this.clients = clients;
        this.index = index;
    }

    void start(@Observes StartupEvent event) {
        if (!config.kubernetes().enabled()) {
            return;
        }
        KubernetesClient client = clients.get();
        ResourceEventHandler<Pod> changed = new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                stale.set(true);
            }

            @Override
            public void onUpdate(Pod before, Pod after) {
                stale.set(true);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                stale.set(true);
            }
        };
        List<String> namespaces = config.kubernetes().namespaces().orElse(List.of()).stream()
                .map(String::trim).filter(ns -> !ns.isEmpty()).toList();
        if (namespaces.isEmpty()) {
            taskInformers.add(new PodInformer("pods of every namespace", () -> client.pods().inAnyNamespace(),
                    changed));
        }
        for (String namespace : namespaces) {
            taskInformers.add(new PodInformer("pods of namespace " + namespace,
                    () -> client.pods().inNamespace(namespace), changed));
        }
        String logServiceNamespace = config.kubernetes().logServiceNamespace()
                .orElseGet(() -> Objects.requireNonNullElse(client.getNamespace(), "default"));
        String selector = config.kubernetes().logServiceSelector();
        logServices = new PodInformer("log-service pods (" + selector + ") of namespace " + logServiceNamespace,
                () -> client.pods().inNamespace(logServiceNamespace).withLabelSelector(selector), changed);
        LOG.infof("Task index: Kubernetes pods of %s; log-service pods %s in %s",
                namespaces.isEmpty() ? "every namespace" : String.join(", ", namespaces), selector,
                logServiceNamespace);
        index.expect(NAME);
        rebuilder = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kubernetes-index-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        rebuilder.scheduleWithFixedDelay(this::rebuild, 0, REBUILD_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (rebuilder != null) {
            rebuilder.shutdownNow();
        }
        taskInformers.forEach(PodInformer::close);
        if (logServices != null) {
            logServices.close();
        }
    }

    /** One tick: (re)start informers, and rebuild when something changed; never throws. */
    void rebuild() {
        try {
            List<PodInformer> all = new ArrayList<>(taskInformers);
            all.add(logServices);
            all.forEach(PodInformer::ensureStarted);
            for (PodInformer informer : all) {
                String failure = informer.failure();
                if (failure != null) {
                    index.failed(NAME, failure);
                    return;
                }
            }
            if (!all.stream().allMatch(PodInformer::synced) || !stale.getAndSet(false)) {
                return;
            }
            index.publish(NAME, snapshot());
        } catch (RuntimeException e) {
            stale.set(true);
            index.failed(NAME, e.toString());
        }
    }

    private SourceSnapshot snapshot() {
        List<Task> running = new ArrayList<>();
        List<Task> completed = new ArrayList<>();
        Set<String> nodes = new TreeSet<>();
        for (PodInformer informer : taskInformers) {
            for (Pod pod : informer.pods()) {
                List<Task> tasks = PodTasks.tasks(pod);
                (PodTasks.completed(pod) ? completed : running).addAll(tasks);
                tasks.stream().map(Task::agentId).filter(Objects::nonNull).forEach(nodes::add);
            }
        }
        Map<String, URI> logService = LogServicePods.byNode(logServices.pods(), config.logService().scheme(),
                config.logService().port());
        nodes.addAll(logService.keySet());
        List<Agent> agents = nodes.stream()
                .map(node -> new Agent(node, node, TaskKind.KUBERNETES, logService.get(node))).toList();
        return new SourceSnapshot(TaskGroup.of(running), TaskGroup.of(completed), agents);
    }
}
