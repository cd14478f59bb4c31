package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clusterlogs.logs.source.Entry;

import java.io.IOException;
import java.util.Map;

/**
 * One entry the shared tail read, parsed once for all followers.
 *
 * @param seq   its number in the tail's {@link EntryRing}
 * @param entry the entry as every follower serves it
 * @param json  the object journalctl printed, which each follower's {@link JournalMatches} tests
 * @param bytes the size of its text and fields, which the ring bounds
 */
record TailEntry(long seq, Entry entry, ObjectNode json, long bytes) {

    static TailEntry parse(long seq, ObjectNode json) throws IOException {
        Entry entry = JournalEntryParser.entry(json);
        long bytes = entry.text() == null ? 0 : entry.text().length;
        for (Map.Entry<String, String> field : entry.fields().entrySet()) {
            bytes += field.getKey().length() + field.getValue().length();
        }
        return new TailEntry(seq, entry, json, bytes);
    }

    String cursor() {
        return entry.cursor();
    }
}
