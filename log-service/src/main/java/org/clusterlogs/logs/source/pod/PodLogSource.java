package org.clusterlogs.logs.source.pod;

import org.clusterlogs.logs.source.EmptyReader;
import org.clusterlogs.logs.source.EntryReader;
import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.LogSource;
import org.clusterlogs.logs.source.Position;

import org.clusterlogs.logs.source.root.LogRoot;
import org.clusterlogs.logs.source.root.RootedPath;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A Kubernetes pod container's log: the CRI files kubelet keeps in
 * {@code <podsRoot>/<namespace>_<pod>_<uid>/<container>/}, read as one log. The range is every
 * file in order: by restart ({@code 0.log}, {@code 1.log}, ...), within a restart the rotated
 * files ({@code 0.log.<yyyyMMdd-HHmmss>}, gzip or not) by time, then the live file.
 *
 * <p><b>Lines.</b> A record is {@code <RFC3339Nano time> <stdout|stderr> <P|F> <text>}; the
 * {@code P} records of a stream are joined with its following records until an {@code F}
 * completes the line, even with records of the other stream in between. An entry is one
 * joined line: the text alone (no time stamp, as {@code kubectl logs} prints it), the fields
 * {@code NAMESPACE}, {@code POD}, {@code CONTAINER}, {@code STREAM}, {@code MESSAGE}, and the
 * time of the completing record. Lines longer than the cap are split into pieces as for plain
 * files ({@code SPLIT=true}, text ending in a backslash). A line that is not a CRI record is
 * kept as a line without {@code STREAM}. A line goes on across kubelet's rotation (its
 * {@code P} records at the end of {@code 0.log.<time>}, its {@code F} in the new {@code 0.log}),
 * not across a restart. An open line is given up as it stands (returned joined so far) when
 * the container restarted, when a range read ends with it, and, to keep every position
 * computable from a bounded look-back, when its stream writes nothing more for 1 MiB of log.
 *
 * <p><b>Cursors.</b> A byte offset into "the current file" does not survive kubelet renaming
 * {@code 0.log} to {@code 0.log.<time>}, gzipping it and deleting the oldest file. So a cursor
 * names the file by its content, the restart and the time of its first record, which rename
 * and compression keep, plus an offset into its uncompressed bytes:
 * {@code <restart>-<first record time, ns>-<offset>}, e.g. {@code 0-1763768640123456789-4096}.
 * When lines are still open at that place (interleaved partial records), the cursor adds where
 * each continues, {@code -o<n>} (stdout), {@code -e<n>} (stderr), {@code -x<n>} (a non-CRI line
 * split at the cap), n bytes before the offset (n larger than the offset: in the file before);
 * reading from such a cursor re-reads those bytes, so an open line is neither lost nor
 * repeated. Cursors hold only digits,
 * letters and {@code -}. A cursor whose file was deleted resumes at the start of the first file
 * after it, the oldest data left: nothing is repeated. A malformed cursor is a
 * {@link org.clusterlogs.logs.source.BadCursorException}.
 *
 * <p><b>Positions.</b> The tail is after everything present, lines still open at the end of the
 * live file included (a range read returns them as they are). Going back k lines reads
 * plain files backwards in growing windows from a clean point (no line open), so the last N
 * lines cost about N lines; a gzip file is read forward from its start, in bounded memory.
 * Following continues across kubelet's rotation (rename, then a new live file) and across
 * container restarts.
 */
public final class PodLogSource implements LogSource {

    /** Bytes of a file after which a line whose stream wrote nothing more is given up. */
    static final long PARTIAL_WINDOW = 1024 * 1024;
    private static final int ATTEMPTS = 5;

    private final RootedPath containerDir;
    private final int maxLineBytes;
    private final long partialWindow;
    private final boolean matchesNothing;
    private final PodEntries entries;

    public PodLogSource(RootedPath containerDir, String namespace, String pod, String container, FieldFilter filter,
                        int maxLineBytes) {
        this(containerDir, namespace, pod, container, filter, maxLineBytes, PARTIAL_WINDOW);
    }

    PodLogSource(RootedPath containerDir, String namespace, String pod, String container, FieldFilter filter,
                 int maxLineBytes, long partialWindow) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        }
        this.containerDir = containerDir;
        this.maxLineBytes = maxLineBytes;
        this.partialWindow = partialWindow;
        this.entries = new PodEntries(namespace, pod, container, filter);
        this.matchesNothing = entries.matchesNothing();
    }

    /**
     * The log directory of a container, {@code <podsRoot>/<namespace>_<pod>_<uid>/<container>};
     * the uid is not needed.
     *
     * @throws org.clusterlogs.logs.source.BadPathException   for a name that is not a single
     *         safe path segment, or a directory that leads out of {@code podsRoot}
     * @throws org.clusterlogs.logs.source.LogNotFoundException for an unknown pod or container
     */
    public static RootedPath locate(LogRoot podsRoot, String namespace, String pod, String container) throws IOException {
        return PodDirectories.locate(podsRoot, namespace, pod, container);
    }

    @Override
    public Position head() {
        return PodPosition.HEAD;
    }

    @Override
    public Position tail() throws IOException {
        Backward backward = backward();
        return retried(() -> backward.tail(SegmentList.list(containerDir)));
    }

    @Override
    public Position after(String cursor) {
        return PodCursor.parse(cursor);
    }

    @Override
    public Position back(Position from, long count) throws IOException {
        PodPosition position = cast(from);
        if (matchesNothing || count <= 0) {
            return position;
        }
        Backward backward = backward();
        return retried(() -> backward.back(SegmentList.list(containerDir), position, count));
    }

    @Override
    public EntryReader open(Position from) throws IOException {
        PodPosition position = cast(from);
        if (matchesNothing) {
            return EmptyReader.INSTANCE;
        }
        PodLogReader reader = new PodLogReader(containerDir, entries, maxLineBytes, partialWindow);
        try {
            reader.start(position);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    @Override
    public List<Path> watchPaths() {
        return List.of(containerDir.absolute());
    }

    private Backward backward() {
        return new Backward(entries, maxLineBytes, partialWindow);
    }

    private static PodPosition cast(Position p) {
        if (p instanceof PodPosition pod) {
            return pod;
        }
        throw new IllegalArgumentException("not a position of a pod log: " + p);
    }

    /** Runs a look-back again when kubelet rotated a file under it. */
    private static PodPosition retried(LookBack work) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SegmentGoneException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private interface LookBack {
        PodPosition run() throws IOException;
    }
}
