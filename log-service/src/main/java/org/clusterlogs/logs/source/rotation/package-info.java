/**
 * One reader for every log kept in rotating files: task and component files (rotated by
 * logrotate(8) or Mesos, {@link org.clusterlogs.logs.source.rotation.PlainRotation}) and pod logs
 * (rotated by kubelet, {@code CriRotation} in {@code source.pod}).
 *
 * <p>{@link org.clusterlogs.logs.source.rotation.RotatingInput} reads a log's bytes forward
 * across its files; a {@link org.clusterlogs.logs.source.rotation.RotationLayout} says how a
 * kind of log names and orders its files. The readers above it turn bytes into entries
 * ({@link org.clusterlogs.logs.source.LineEntries}, shared by files and pods).
 *
 * <p>Invariants of the reader:
 * <ul>
 * <li>Every file is opened through its {@link org.clusterlogs.logs.source.root.LogRoot}: a
 * live name swapped for a link out of the root is never read; the reader waits for a regular
 * file inside the root.</li>
 * <li>A file is finished when its live name holds another file (rename-and-create) or its
 * layout says so (a pod's later restart). It is read to its very end through the open handle
 * before reading moves on.</li>
 * <li>The next file is found by identity (inode for plain files, content id for pod files) in
 * a listing taken until two in a row agree, while the current file is still open (so its inode
 * cannot be reused); however many rotations happened, every file in between is read, in
 * order.</li>
 * <li>The bytes before the read position are compared with what was read there after every
 * read; a copy-truncate is noticed even when the file has grown past the position again, and
 * reading goes on in the copy, then at the start of the truncated file. A reader at the start
 * of the live file with nothing read of it first reads the plain rotated files modified
 * strictly after it got there. Nothing is read twice. Lines written between the copy and the
 * truncation are in neither file: they are not read.</li>
 * </ul>
 */
package org.clusterlogs.logs.source.rotation;
