package org.clusterlogs.discovery.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The trigram search answers exactly what a scan of every id would, for 100 000 tasks. */
class IdSearchTest {

    private static final int TASKS = 100_000;
    private static final String[] IDS = new String[TASKS];
    private static final String[] NAMES = new String[TASKS];

    static {
        for (int i = 0; i < TASKS; i++) {
            NAMES[i] = "app-" + (i % 500);
            IDS[i] = (i % 7 == 0 ? "infra_" : "") + NAMES[i] + "." + String.format(Locale.ROOT, "%08x", i * 2654435761L)
                    + "-" + i;
        }
    }

    private static final IdSearch SEARCH = new IdSearch(IDS, NAMES);

    @Test
    void idContainingMatchesAScan() {
        for (String query : List.of(IDS[4242], IDS[4242].substring(3, 15), "-99999", "-1234", "app-49", "infra_app-7.",
                "a", "9", "-9", "zz", "nope-at-all", "app-", "p-4", "." + IDS[77].split("\\.")[1])) {
            for (int max : new int[]{1, 21, 501}) {
                assertArrayEquals(scan(query, max, false), SEARCH.idsContaining(query, max), query + " / " + max);
            }
        }
    }

    @Test
    void idOrNameContainingMatchesAScan() {
        // the NUL between id and name makes no trigram of its own: "-42app" is in neither
        for (String query : List.of("app-499", "-42app", "pp-1", "-42", "x")) {
            assertArrayEquals(scan(query, 50, true), SEARCH.idsOrNamesContaining(query, 50), query);
        }
    }

    @Test
    void nonAsciiIdsAreSearchedByTheirCharacters() {
        IdSearch search = new IdSearch(new String[]{"données.1", "dönner.2", "日本語タスク.3"},
                new String[]{"a", "b", "c"});
        assertArrayEquals(new int[]{0}, search.idsContaining("nnées", 5));
        assertArrayEquals(new int[]{2}, search.idsContaining("語タス", 5));
        assertArrayEquals(new int[]{1}, search.idsContaining("ö", 5));
        assertArrayEquals(new int[]{0, 1}, search.idsContaining("nn", 5));
    }

    private static int[] scan(String query, int max, boolean names) {
        return IntStream.range(0, TASKS)
                .filter(i -> IDS[i].contains(query) || (names && NAMES[i].contains(query)))
                .limit(max).toArray();
    }
}
