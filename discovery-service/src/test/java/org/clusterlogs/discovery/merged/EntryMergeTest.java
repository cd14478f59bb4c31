package org.clusterlogs.discovery.merged;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryMergeTest {

    @Test
    void timedSourcesInterleaveByTimeAndTiesGoToTheFirstSource() {
        EntryMerge<String> merge = new EntryMerge<>(2);
        merge.offer(0, "a10", 10);
        merge.offer(0, "a30", 30);
        merge.offer(1, "b20", 20);
        merge.offer(1, "b30", 30);
        merge.finish(0);
        merge.finish(1);
        assertEquals(List.of("a10", "b20", "a30", "b30"), drain(merge));
        assertTrue(merge.done());
    }

    @Test
    void untimedSourcesComeWholeOneAfterTheOtherInSourceOrder() {
        EntryMerge<String> merge = new EntryMerge<>(2);
        merge.offer(1, "b1", -1);
        merge.offer(0, "a1", -1);
        merge.offer(1, "b2", -1);
        merge.offer(0, "a2", -1);
        merge.finish(1);
        merge.finish(0);
        assertEquals(List.of("a1", "a2", "b1", "b2"), drain(merge));
    }

    @Test
    void anUntimedEntryFollowsTheTimedEntryBeforeItInItsSource() {
        EntryMerge<String> merge = new EntryMerge<>(2);
        merge.offer(0, "a10", 10);
        merge.offer(0, "a-continued", -1);
        merge.offer(0, "a40", 40);
        merge.offer(1, "b-first", -1);
        merge.offer(1, "b20", 20);
        merge.finish(0);
        merge.finish(1);
        assertEquals(List.of("b-first", "a10", "a-continued", "b20", "a40"), drain(merge));
    }

    @Test
    void nothingIsDecidedWhileAnUnfinishedSourceHasNothingWaiting() {
        EntryMerge<String> merge = new EntryMerge<>(2);
        merge.offer(0, "a10", 10);
        assertNull(merge.poll());
        merge.offer(1, "b5", 5);
        assertEquals("b5", merge.poll());
        assertNull(merge.poll(), "source 1 may still send something before 10");
        merge.finish(1);
        assertEquals("a10", merge.poll());
        assertEquals(0, merge.queued(0));
        merge.finish(0);
        assertTrue(merge.done());
    }

    private static List<String> drain(EntryMerge<String> merge) {
        List<String> out = new ArrayList<>();
        String next;
        while ((next = merge.poll()) != null) {
            out.add(next);
        }
        return out;
    }
}
