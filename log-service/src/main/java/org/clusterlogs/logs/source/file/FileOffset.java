package org.clusterlogs.logs.source.file;

import org.clusterlogs.logs.source.Position;

/** A byte offset in a plain log file where the next entry starts (or, mid-line, continues). */
record FileOffset(long offset) implements Position {
}
