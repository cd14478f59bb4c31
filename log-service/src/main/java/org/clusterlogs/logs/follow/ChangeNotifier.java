package org.clusterlogs.logs.follow;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.source.FileLook;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells followers that a log may have grown or been rotated. One inotify-backed
 * {@link WatchService} for the whole process, one registration per watched directory, so an
 * idle follower costs no thread and no polling; a slow periodic re-check covers file systems
 * that do not report changes.
 */
@Singleton // not @ApplicationScoped: no client proxy on the per-entry paths
public class ChangeNotifier {

    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class);

    private final LogsConfig config;
    private final Map<Path, DirectoryWatch> watches = new ConcurrentHashMap<>();
    private final Set<Watcher> all = ConcurrentHashMap.newKeySet();
    private WatchService service;
    private ScheduledExecutorService recheck;

    public ChangeNotifier(LogsConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        Thread loop = new Thread(this::deliver, "log-change-notifier");
        loop.setDaemon(true);
        loop.start();
        recheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "log-follow-recheck");
            t.setDaemon(true);
            return t;
        });
        long period = config.followRecheck().toMillis();
        recheck.scheduleAtFixedRate(this::recheck, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        recheck.shutdownNow();
        service.close();
    }

    /**
     * The safety net for missed notifications: a follower of a file is woken when the file
     * looks different from the last re-check (identity, size or time changed), so idle followers
     * cost a stat per file, not a read each; a follower of a directory, or of nothing on disk,
     * is always woken.
     */
    private void recheck() {
        Set<Watcher> fired = new HashSet<>();
        for (DirectoryWatch watch : watches.values()) {
            fired.addAll(watch.recheck());
        }
        for (Watcher w : all) {
            if (!w.hasFiles() && fired.add(w)) {
                w.fire();
            }
        }
    }

    /**
     * Calls {@code onChange} whenever one of {@code paths} may have changed: a directory for
     * any change in it, a file for changes to that name in its directory (a rename onto it
     * or a create counts). Close the answer to stop.
     */
    public Subscription watch(List<Path> paths, Runnable onChange) throws IOException {
        List<Registration> registrations = new ArrayList<>();
        Watcher watcher = new Watcher(onChange, !paths.isEmpty());
        for (Path p : paths) {
            Path absolute = p.toAbsolutePath();
            boolean directory = Files.isDirectory(absolute);
            Path dir = directory ? absolute : absolute.getParent();
            String name = directory ? null : absolute.getFileName().toString();
            Registration r;
            do {
                DirectoryWatch watch = watches.computeIfAbsent(dir, DirectoryWatch::new);
                r = new Registration(watch, name, watcher, new AtomicReference<>());
            } while (!r.watch().add(r, service));
            registrations.add(r);
        }
        all.add(watcher);
        return () -> {
            all.remove(watcher);
            registrations.forEach(Registration::cancel);
        };
    }

    private void deliver() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = (Path) key.watchable();
                DirectoryWatch watch = watches.get(dir);
                List<WatchEvent<?>> events = key.pollEvents();
                key.reset();
                if (watch != null) {
                    watch.dispatch(events);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("change notification loop failed; followers fall back to the periodic re-check", e);
        }
    }

    /** What a follower holds to stop being told about changes. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** One follower's callback; also run by the periodic re-check. */
    private record Watcher(Runnable onChange, boolean hasFiles) {
        void fire() {
            try {
                onChange.run();
            } catch (RuntimeException e) {
                LOG.warn("follower callback failed", e);
            }
        }
    }

    /** @param lastSeen the file as the last re-check saw it (null before the first; empty: absent) */
    private record Registration(DirectoryWatch watch, String fileName, Watcher watcher,
                                AtomicReference<Optional<FileLook>> lastSeen) {
        void cancel() {
            watch.remove(this);
        }
    }

    /** The followers of one directory and its watch key. */
    private final class DirectoryWatch {
        private final Path dir;
        private final Set<Registration> registrations = new CopyOnWriteArraySet<>();
        private WatchKey key;
        private boolean retired;

        DirectoryWatch(Path dir) {
            this.dir = dir;
        }

        /** False when this watch was just retired: the caller makes a new one. */
        synchronized boolean add(Registration r, WatchService watchService) throws IOException {
            if (retired) {
                return false;
            }
            if (key == null || !key.isValid()) {
                key = dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
            registrations.add(r);
            return true;
        }

        synchronized void remove(Registration r) {
            registrations.remove(r);
            if (registrations.isEmpty()) {
                if (key != null) {
                    key.cancel();
                    key = null;
                }
                retired = true;
                watches.remove(dir, this);
            }
        }

        /** Fires the followers of this directory, and of each of its files that looks changed; answers them. */
        Set<Watcher> recheck() {
            Map<String, Optional<FileLook>> now = new HashMap<>();
            Set<Watcher> toFire = new HashSet<>();
            for (Registration r : registrations) {
                if (r.fileName() == null) {
                    toFire.add(r.watcher());
                    continue;
                }
                Optional<FileLook> seen = now.computeIfAbsent(r.fileName(), name -> look(dir.resolve(name)));
                if (!seen.equals(r.lastSeen().getAndSet(seen))) {
                    toFire.add(r.watcher());
                }
            }
            toFire.forEach(Watcher::fire);
            return toFire;
        }

        void dispatch(List<WatchEvent<?>> events) {
            Set<Watcher> toFire = ConcurrentHashMap.newKeySet();
            for (WatchEvent<?> event : events) {
                Object context = event.context();
                boolean overflow = event.kind() == StandardWatchEventKinds.OVERFLOW;
                for (Registration r : registrations) {
                    if (overflow || r.fileName() == null
                            || context != null && r.fileName().equals(context.toString())) {
                        toFire.add(r.watcher());
                    }
                }
            }
            toFire.forEach(Watcher::fire);
        }
    }

    /** How a file looks now; empty when it is absent or cannot be looked at (the next re-check tries again). */
    private static Optional<FileLook> look(Path file) {
        try {
            return Optional.ofNullable(FileLook.at(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
