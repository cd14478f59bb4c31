package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.SafePaths;

import org.clusterlogs.logs.source.root.Listing;
import org.clusterlogs.logs.source.root.LogRoot;
import org.clusterlogs.logs.source.root.RootedPath;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds a container's log directory, {@code <podsRoot>/<namespace>_<pod>_<uid>/<container>},
 * from the names a client knows (not the uid). Everything is opened through the pods'
 * {@link LogRoot}: a pod directory that is a link leading out of the root is refused.
 */
final class PodDirectories {

    private PodDirectories() {
    }

    static RootedPath locate(LogRoot podsRoot, String namespace, String pod, String container) throws IOException {
        SafePaths.segment(namespace, "namespace");
        SafePaths.segment(pod, "pod");
        SafePaths.segment(container, "container");
        if (namespace.indexOf('_') >= 0 || pod.indexOf('_') >= 0) {
            // kubelet joins the names with '_', Kubernetes names never hold one
            throw new BadPathException("namespace and pod names cannot contain '_'");
        }
        String who = "pod " + namespace + "/" + pod;
        List<String> candidates = podDirectories(podsRoot, namespace + "_" + pod + "_", who);
        Path best = null;
        FileTime bestTime = null;
        for (String name : candidates) {
            LogRoot.Resolved dir;
            try {
                dir = podsRoot.resolve(Path.of(name, container));
            } catch (LogNotFoundException e) {
                continue;
            }
            if (!dir.attributes().isDirectory()) {
                continue;
            }
            FileTime modified = dir.attributes().lastModifiedTime();
            if (best == null || modified.compareTo(bestTime) > 0) {
                best = dir.realRelative();
                bestTime = modified;
            }
        }
        if (best == null) {
            throw new LogNotFoundException(who + " has no container '" + container + "' on this node");
        }
        return new RootedPath(podsRoot, best);
    }

    /**
     * The names of the pod's directories, sorted. More than one exists for a moment when a pod
     * was deleted and created again under the same name; the caller takes the one whose
     * container directory changed last, the current pod.
     */
    private static List<String> podDirectories(LogRoot podsRoot, String prefix, String who) throws IOException {
        List<String> names = new ArrayList<>();
        for (Listing.Item item : podsRoot.list(Path.of("")).items()) {
            String name = item.name();
            if (name.length() > prefix.length() && name.startsWith(prefix)
                    && name.indexOf('_', prefix.length()) < 0) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new LogNotFoundException("no logs of " + who + " on this node");
        }
        Collections.sort(names);
        return names;
    }
}
