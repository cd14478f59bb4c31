package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.clusterlogs.logs.source.Entry;
import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryRingTest {

    static TailEntry entry(long seq, long bytes) {
        Entry e = new Entry("c" + seq, new TreeMap<>(), null, -1, -1);
        return new TailEntry(seq, e, JsonNodeFactory.instance.objectNode(), bytes);
    }

    @Test
    void keepsTheNewestEntriesUpToItsCapacity() {
        EntryRing ring = new EntryRing(3, 1000);
        assertEquals(0, ring.newest());
        assertNull(ring.newestEntry());
        assertFalse(ring.dropped(1));
        for (long seq = 1; seq <= 5; seq++) {
            ring.add(entry(seq, 10));
        }
        assertEquals(5, ring.newest());
        assertEquals("c5", ring.newestEntry().cursor());
        assertTrue(ring.dropped(2));
        assertFalse(ring.dropped(3));
        assertNull(ring.get(2));
        assertEquals("c3", ring.get(3).cursor());
        assertNull(ring.get(6));
        assertFalse(ring.keeps(6));
    }

    @Test
    void dropsOldEntriesBeyondItsBytesButKeepsTheNewest() {
        EntryRing ring = new EntryRing(100, 25);
        ring.add(entry(1, 10));
        ring.add(entry(2, 10));
        ring.add(entry(3, 10));
        assertTrue(ring.dropped(1));
        assertTrue(ring.keeps(2));
        ring.add(entry(4, 1000));
        assertTrue(ring.dropped(3));
        assertEquals("c4", ring.get(4).cursor());
    }

    @Test
    void findsACursorAmongTheKeptEntries() {
        EntryRing ring = new EntryRing(3, 1000);
        for (long seq = 1; seq <= 4; seq++) {
            ring.add(entry(seq, 1));
        }
        assertEquals(3, ring.find("c3", 1));
        assertEquals(-1, ring.find("c3", 4));
        assertEquals(-1, ring.find("c1", 1));
    }

    @Test
    void entriesComeInOrder() {
        EntryRing ring = new EntryRing(3, 1000);
        ring.add(entry(1, 1));
        assertThrows(IllegalArgumentException.class, () -> ring.add(entry(3, 1)));
    }
}
