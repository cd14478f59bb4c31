package org.clusterlogs.discovery.index.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import org.clusterlogs.discovery.index.LogLocation;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A pod's containers as tasks: id {@code <namespace>.<pod>.<container>}, name the container's
 * name, agent the pod's node, framework the namespace. Init containers are tasks too (their
 * logs stay on the node); ephemeral debug containers are not. A pod that has succeeded or
 * failed is completed; its logs remain readable until the kubelet removes the pod.
 */
final class PodTasks {

    private PodTasks() {
    }

    static boolean completed(Pod pod) {
        String phase = phase(pod);
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    static List<Task> tasks(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        List<Container> containers = new ArrayList<>();
        if (pod.getSpec() != null) {
            Optional.ofNullable(pod.getSpec().getInitContainers()).ifPresent(containers::addAll);
            Optional.ofNullable(pod.getSpec().getContainers()).ifPresent(containers::addAll);
        }
        List<Task> tasks = new ArrayList<>(containers.size());
        for (Container container : containers) {
            tasks.add(new Task(namespace + "." + name + "." + container.getName(), container.getName(),
                    TaskKind.KUBERNETES, namespace, node, state(pod, container.getName()), completed(pod),
                    new LogLocation.PodContainer(namespace, name, container.getName(), pod.getMetadata().getLabels())));
        }
        return tasks;
    }

    /** The container's own state ({@code Running}, {@code Waiting}, {@code Terminated}), else the pod's phase. */
    private static String state(Pod pod, String container) {
        if (pod.getStatus() == null) {
            return phase(pod);
        }
        return Stream.concat(
                        Optional.ofNullable(pod.getStatus().getInitContainerStatuses()).stream().flatMap(List::stream),
                        Optional.ofNullable(pod.getStatus().getContainerStatuses()).stream().flatMap(List::stream))
                .filter(status -> container.equals(status.getName()))
                .map(ContainerStatus::getState)
                .map(PodTasks::stateName)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> phase(pod));
    }

    private static Optional<String> stateName(ContainerState state) {
        if (state == null) {
            return Optional.empty();
        }
        if (state.getRunning() != null) {
            return Optional.of("Running");
        }
        if (state.getTerminated() != null) {
            return Optional.of("Terminated");
        }
        return state.getWaiting() != null ? Optional.of("Waiting") : Optional.empty();
    }

    private static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
    }
}
