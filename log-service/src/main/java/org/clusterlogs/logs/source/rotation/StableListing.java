package org.clusterlogs.logs.source.rotation;

import java.io.IOException;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A listing of a log's files as they stand between two rotations. A directory read while files
 * are renamed may miss a file or show it twice (readdir makes no promise then), and a file
 * looked into after the read may already be another one under that name; so listings are taken
 * until two in a row agree (at most a few times: a log rotating that fast gets the last one).
 */
public final class StableListing {

    private static final int ATTEMPTS = 5;

    /** Lists the files once. */
    @FunctionalInterface
    public interface Lister<T> {
        List<T> list() throws IOException;
    }

    private StableListing() {
    }

    /** Listings from {@code lister} until two in a row are {@code same}. */
    public static <T> List<T> of(Lister<T> lister, BiPredicate<List<T>, List<T>> same) throws IOException {
        List<T> before = lister.list();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<T> now = lister.list();
            if (same.test(before, now)) {
                return now;
            }
            before = now;
        }
        return before;
    }
}
