package org.clusterlogs.logs.source;

/**
 * A place between two entries of one log. Each source has its own implementation; the
 * reading code only moves positions through the {@link LogSource} that made them.
 */
public interface Position {
}
