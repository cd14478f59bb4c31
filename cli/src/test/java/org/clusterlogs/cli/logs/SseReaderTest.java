package org.clusterlogs.cli.logs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event-stream parsing a follower relies on to print each line once. */
class SseReaderTest {

    @Test
    void eventsEndAtABlankLineAndPingsAreSkipped() throws IOException {
        assertEquals(List.of(new SseEvent("7", "{\"a\":1}"), new SseEvent("9", "two\nlines")),
                read("id: 7\ndata: {\"a\":1}\n\n: ping\n\nid: 9\ndata: two\ndata: lines\n\n"));
    }

    @Test
    void crlfAndNoSpaceAfterTheColonAreTheSame() throws IOException {
        assertEquals(List.of(new SseEvent("1", "x")), read("id:1\r\ndata:x\r\n\r\n"));
    }

    @Test
    void anEventCutOffByTheEndOfTheStreamIsNotDispatched() throws IOException {
        assertEquals(List.of(new SseEvent("1", "whole")), read("id: 1\ndata: whole\n\nid: 2\ndata: cut"));
    }

    @Test
    void anIdWithoutDataKeepsTheLastIdForTheNextEvent() throws IOException {
        assertEquals(List.of(new SseEvent("3", "x")), read("id: 3\n\ndata: x\n\n"));
    }

    @Test
    void aNamedEventKeepsItsTypeAndTheNextEventIsAnEntryAgain() throws IOException {
        List<SseEvent> events = read("event: source\ndata: {\"state\":\"lost\"}\n\nid: m1.x\ndata: line\n\n");
        assertEquals(List.of(new SseEvent(null, "source", "{\"state\":\"lost\"}"), new SseEvent("m1.x", "line")), events);
        assertEquals(List.of(false, true), events.stream().map(SseEvent::isEntry).toList());
    }

    private static List<SseEvent> read(String stream) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        SseReader.read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), events::add);
        return events;
    }
}
