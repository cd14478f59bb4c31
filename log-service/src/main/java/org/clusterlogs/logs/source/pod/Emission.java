package org.clusterlogs.logs.source.pod;

/**
 * A line (or a piece of one) as the joiner completes it, with the reader's state just before
 * and just after it: the position a skip back lands on, and the cursor of the line.
 *
 * @param stream the stream
 * @param text   the joined text
 * @param split  a piece cut at the line cap, the line goes on
 * @param nanos  the timestamp of the record that completed it, -1 for a non-CRI line
 * @param point  the offset where it was completed
 * @param before each stream's open-line offset just before it (see {@link PodPosition})
 * @param after  the same just after it
 */
record Emission(CriStream stream, byte[] text, boolean split, long nanos, long point, long[] before,
                long[] after) {
}
