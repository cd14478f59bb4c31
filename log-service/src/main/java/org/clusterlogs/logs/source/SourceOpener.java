package org.clusterlogs.logs.source;

import java.io.IOException;

/**
 * Finds and opens the log a request names, narrowed by the request's filters. Runs on a read
 * thread, not the event loop: it may touch the file system or start journalctl. What it
 * throws becomes the response's problem (a bad path segment is a 400, a missing log a 404).
 */
@FunctionalInterface
public interface SourceOpener {

    LogSource open(FieldFilter filter) throws IOException;
}
