package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.SafePaths;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds a container's log directory, {@code <podsRoot>/<namespace>_<pod>_<uid>/<container>},
 * from the names a client knows (not the uid). Every path goes through {@link SafePaths}: a
 * pod directory that is a link leading out of the root is refused.
 */
final class PodDirectories {

    private PodDirectories() {
    }

    static Path locate(Path podsRoot, String namespace, String pod, String container) throws IOException {
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
            SafePaths.directory(podsRoot, name);
            Path dir;
            try {
                dir = SafePaths.directory(podsRoot, name, container);
            } catch (LogNotFoundException e) {
                continue;
            }
            FileTime modified = Files.getLastModifiedTime(dir);
            if (best == null || modified.compareTo(bestTime) > 0) {
                best = dir;
                bestTime = modified;
            }
        }
        if (best == null) {
            throw new LogNotFoundException(who + " has no container '" + container + "' on this node");
        }
        return best;
    }

    /**
     * The names of the pod's directories, sorted. More than one exists for a moment when a pod
     * was deleted and created again under the same name; the caller takes the one whose
     * container directory changed last, the current pod.
     */
    private static List<String> podDirectories(Path podsRoot, String prefix, String who) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(podsRoot)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.length() > prefix.length() && name.startsWith(prefix)
                        && name.indexOf('_', prefix.length()) < 0) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            throw new LogNotFoundException("no pod logs on this node");
        }
        if (names.isEmpty()) {
            throw new LogNotFoundException("no logs of " + who + " on this node");
        }
        Collections.sort(names);
        return names;
    }
}
