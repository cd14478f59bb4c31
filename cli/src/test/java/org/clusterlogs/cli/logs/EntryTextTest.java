package org.clusterlogs.cli.logs;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A followed entry reads like log-service's text of the same entry. */
class EntryTextTest {

    @Test
    void aFileLineIsItsMessage() throws IOException {
        assertEquals("GET / 200", EntryText.of("{\"fields\":{\"FILE\":\"stdout\",\"MESSAGE\":\"GET / 200\"},\"cursor\":\"10\"}"));
    }

    @Test
    void aJournalEntryHasItsUtcTimeFirst() throws IOException {
        assertEquals("2023-03-20 09:24:39: started", EntryText.of(
                "{\"fields\":{\"MESSAGE\":\"started\"},\"cursor\":\"s=1\",\"monotonic_timestamp\":5,\"realtime_timestamp\":1679304279039123}"));
    }

    @Test
    void aPieceOfASplitLineEndsWithABackslash() throws IOException {
        assertEquals("abc\\", EntryText.of("{\"fields\":{\"MESSAGE\":\"abc\",\"SPLIT\":\"true\"},\"cursor\":\"3\"}"));
    }
}
