package org.clusterlogs.logs.source;

import java.io.IOException;

/**
 * Finds and opens the log a request names. Runs on a read thread, not the event loop: it may
 * touch the file system or start journalctl.
 */
@FunctionalInterface
public interface SourceOpener {

    LogSource open() throws IOException;
}
