package org.clusterlogs.logs.source;

/** A reader of a log that has nothing for this request (a filter no entry can match). */
public final class EmptyReader implements EntryReader {

    public static final EmptyReader INSTANCE = new EmptyReader();

    private EmptyReader() {
    }

    @Override
    public Entry next() {
        return null;
    }

    @Override
    public void close() {
    }
}
