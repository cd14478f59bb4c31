package org.clusterlogs.logs.source.rotation;

import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.root.Listing;
import org.clusterlogs.logs.source.root.LogRoot;
import org.clusterlogs.logs.source.root.OpenedFile;
import org.clusterlogs.logs.source.root.PathRefusedException;
import org.clusterlogs.logs.source.root.RootedPath;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a plain log's rotation, oldest first. The rotated files are the regular files
 * beside the live one named as logrotate(8) and Mesos' logrotate name them: the live name
 * followed by {@code .N} or a date ({@code -20251122}, {@code .2025-11-22-10}, ...), optionally
 * {@code .gz}. They are ordered by their last modification (names alone cannot tell: logrotate
 * shifts {@code .1} to {@code .2}, other tools count up), ties by number, higher first, as
 * logrotate numbers. The live file comes last. A compressed copy beside its plain original (a
 * compression in progress) is left out, and so are links among the rotated names.
 */
public final class PlainRotation implements RotationLayout<FileSegment> {

    private static final Comparator<FileSegment> ORDER = Comparator
            .comparing(FileSegment::live)
            .thenComparing(FileSegment::modified)
            .thenComparing(PlainRotation::numberOrder)
            .thenComparing(s -> s.path().fileName());

    private final RootedPath live;

    public PlainRotation(RootedPath live) {
        this.live = live;
    }

    /**
     * A reader of the log from {@code offset} of its live file.
     *
     * @throws org.clusterlogs.logs.source.LogNotFoundException when the file does not exist
     * @throws org.clusterlogs.logs.source.BadPathException     when it is not a regular file inside the root
     */
    public RotatingInput<FileSegment> open(long offset) throws IOException {
        OpenedFile file = live.openFile();
        try {
            FileSegment segment = new FileSegment(live, file.fileKey(), file.attributes().lastModifiedTime(), false, true);
            return new RotatingInput<>(this, segment, SegmentInput.plain(file.channel(), offset),
                    file.attributes().lastModifiedTime());
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public List<FileSegment> list() throws IOException {
        return StableListing.of(() -> listOnce(live), PlainRotation::sameFiles);
    }

    @Override
    public Path liveName(FileSegment current) {
        return live.absolute();
    }

    @Override
    public boolean finishedInPlace(FileSegment current) {
        return false;
    }

    /**
     * The file after the current one, by identity; when the current file is gone (deleted, or
     * compressed), the oldest file changed after it, else the live file (which holds another
     * file than the current one whenever this is asked).
     */
    @Override
    public FileSegment successor(List<FileSegment> files, FileSegment current, SegmentInput input,
                                 FileTime lastModified) {
        for (int i = 0; i < files.size(); i++) {
            if (Objects.equals(files.get(i).fileKey(), current.fileKey()) && !files.get(i).gzip()) {
                return i + 1 < files.size() ? files.get(i + 1) : null;
            }
        }
        for (FileSegment f : files) {
            if (f.live() || f.modified().compareTo(lastModified) > 0) {
                return f;
            }
        }
        return null;
    }

    @Override
    public SegmentInput open(FileSegment file, long offset) throws IOException {
        OpenedFile opened;
        try {
            opened = file.path().openFile();
        } catch (LogNotFoundException | NoSuchFileException | BadPathException e) {
            return null;
        }
        if (!Objects.equals(opened.fileKey(), file.fileKey())) {
            opened.close();
            return null;
        }
        return file.gzip() ? SegmentInput.gzip(opened) : SegmentInput.plain(opened.channel(), offset);
    }

    /** The same files under the same names (their sizes and times may differ: they are written). */
    private static boolean sameFiles(List<FileSegment> a, List<FileSegment> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).path().equals(b.get(i).path()) || !Objects.equals(a.get(i).fileKey(), b.get(i).fileKey())) {
                return false;
            }
        }
        return true;
    }

    private static List<FileSegment> listOnce(RootedPath live) throws IOException {
        Path dir = live.relative().getParent() == null ? Path.of("") : live.relative().getParent();
        LogRoot root = live.root();
        Listing listing;
        try {
            listing = root.list(dir);
        } catch (LogNotFoundException e) {
            return List.of();
        }
        Pattern rotated = Pattern.compile(Pattern.quote(live.fileName()) + "[.-](\\d[\\d._-]*?)(\\.gz)?");
        Set<String> names = new HashSet<>();
        listing.items().forEach(item -> names.add(item.name()));
        List<FileSegment> files = new ArrayList<>();
        for (Listing.Item item : listing.items()) {
            if (item.name().equals(live.fileName())) {
                FileSegment current = liveFile(live, item);
                if (current != null) {
                    files.add(current);
                }
                continue;
            }
            Matcher m = rotated.matcher(item.name());
            if (!m.matches() || !item.attributes().isRegularFile()) {
                continue;
            }
            boolean gzip = m.group(2) != null;
            if (gzip && names.contains(item.name().substring(0, item.name().length() - 3))) {
                continue;
            }
            files.add(new FileSegment(new RootedPath(root, dir.resolve(item.name())), item.attributes().fileKey(),
                    item.attributes().lastModifiedTime(), gzip, false));
        }
        files.sort(ORDER);
        return files;
    }

    /**
     * The live file as listed, or, when its name is a link, where the link leads (a link inside
     * the root is followed); null when that is no regular file inside the root.
     */
    private static FileSegment liveFile(RootedPath live, Listing.Item listed) throws IOException {
        BasicFileAttributes a = listed.attributes();
        if (a.isSymbolicLink()) {
            try {
                a = live.resolve().attributes();
            } catch (LogNotFoundException | PathRefusedException e) {
                return null; // gone again, or a link out of the root: never a file of this log
            }
        }
        if (!a.isRegularFile()) {
            return null;
        }
        return new FileSegment(live, a.fileKey(), a.lastModifiedTime(), false, true);
    }

    /** {@code .N} names by N, higher first (logrotate's older first); other names after them. */
    private static long numberOrder(FileSegment s) {
        String name = s.path().fileName();
        int dot = name.lastIndexOf('.', name.endsWith(".gz") ? name.length() - 4 : name.length());
        String suffix = name.substring(dot + 1, name.endsWith(".gz") ? name.length() - 3 : name.length());
        if (!suffix.isEmpty() && suffix.length() <= 9 && suffix.chars().allMatch(Character::isDigit)) {
            return -Long.parseLong(suffix);
        }
        return 0;
    }
}
