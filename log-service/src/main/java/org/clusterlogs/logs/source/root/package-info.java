/**
 * The one way log-service opens anything under a configured log root.
 *
 * <p>{@link org.clusterlogs.logs.source.root.LogRoot} walks a path one name at a time with
 * {@link java.nio.file.SecureDirectoryStream} (openat with {@code O_NOFOLLOW}), resolving links
 * by hand: a link that stays inside the root is followed, one that leaves it is refused
 * ({@link org.clusterlogs.logs.source.root.PathRefusedException}, counted in
 * {@code logs_paths_refused_total}). Checking and opening are one step, so swapping a file for
 * a link between a check and an open gains a task nothing. Only regular files are opened as
 * logs; a directory, FIFO or device is refused before any open.
 *
 * <p>Invariants: nothing outside the roots is ever opened for a client; a
 * {@link org.clusterlogs.logs.source.root.RootedPath} is only opened through its root; an
 * absolute path is used only to watch for changes and in messages.
 */
package org.clusterlogs.logs.source.root;
