package org.clusterlogs.logs.source.journal;

import org.clusterlogs.logs.source.Position;

/**
 * A place between two journal entries. There is no "tail" kind: {@link JournalSource#tail()}
 * resolves the end at once into {@link After} the last entry, so entries that arrive between
 * asking for the tail and reading from it are not skipped.
 */
sealed interface JournalPosition extends Position {

    /** Before the first entry. */
    record Head() implements JournalPosition {
        static final Head INSTANCE = new Head();
    }

    /** Right after the entry with this cursor (the entry itself is not read). */
    record After(String cursor) implements JournalPosition {
    }

    /** Right before the entry with this cursor (the entry itself is read first). */
    record At(String cursor) implements JournalPosition {
    }
}
