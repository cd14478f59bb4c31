package org.clusterlogs.cli.logs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The label of a merged line: the task's name and the end of its id, its colour the task's own. */
class SourcePrefixTest {

    @Test
    void theLabelIsTheNameAndTheLastFiveCharactersOfTheId() {
        assertEquals("nginx/4c0de| ", new SourcePrefix("nginx", "nginx.0a1b2c3d-9f8e-4c0de").prefix(false));
        assertEquals("web/t1| ", new SourcePrefix("web", "t1").prefix(false));
        assertEquals("web/t1", new SourcePrefix("web", "t1").label());
    }

    @Test
    void inColourTheLabelAndItsBarTakeOneColourThatATaskKeeps() {
        String coloured = new SourcePrefix("web", "web.111").prefix(true);
        assertTrue(coloured.matches("\u001b\\[3[1-6]mweb/b\\.111\\|\u001b\\[0m "), coloured);
        assertEquals(coloured, new SourcePrefix("web", "web.111").prefix(true));
        long colours = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> new SourcePrefix("x", "task-" + i).prefix(true).substring(0, 5)).distinct().count();
        assertEquals(6, colours, "sixty tasks use the six colours");
        assertNotEquals(new SourcePrefix("x", "task-0").prefix(true), new SourcePrefix("x", "task-0").prefix(false));
    }
}
