package org.clusterlogs.messagelogging.delivery;

import java.util.List;

/**
 * The I/O end of a destination (a syslog connection, a rotated file), driven by the destination's
 * single writer thread only: implementations need no locking and may block.
 */
public interface Sink extends AutoCloseable {

    /**
     * Writes the records, in order. Throws when they could not be written (connection refused or
     * lost, disk full): the writer waits and offers the same batch again, reconnecting or
     * reopening as needed.
     *
     * @return how many were written; the rest were too large for the transport and are counted as dropped
     */
    int deliver(List<QueuedRecord> batch) throws Exception;

    /** Releases the connection or file; the sink may be used again afterwards (it reopens). */
    @Override
    void close();
}
