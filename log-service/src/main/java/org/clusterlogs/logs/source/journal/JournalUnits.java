package org.clusterlogs.logs.source.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Which units the journal knows, so that an unknown {@code /component/{name}} answers 404. */
public final class JournalUnits {

    private JournalUnits() {
    }

    /**
     * Whether some entry has {@code UNIT=unit} or {@code _SYSTEMD_UNIT=unit}, read from the
     * journal's field indexes ({@code journalctl -F}), which is cheap even on a big journal.
     */
    public static boolean exists(String journalctl, Path journalDir, String unit) throws IOException {
        if (unit == null || unit.isEmpty() || unit.indexOf('\n') >= 0 || unit.indexOf('\0') >= 0) {
            return false;
        }
        for (String field : List.of(JournalMatches.UNIT, JournalMatches.SYSTEMD_UNIT)) {
            try (JournalProcess run = JournalProcess.start(JournalctlCommand.fieldValues(journalctl, journalDir, field))) {
                for (String value = run.nextLine(); value != null; value = run.nextLine()) {
                    if (value.equals(unit)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
