package org.clusterlogs.discovery.merged;

/**
 * The text prefix of a source's lines, {@code <name>/<short-id>| }: the task's name and the last
 * five characters of its id (enough to tell a service's instances apart, short enough to read),
 * and with {@code color=true} that prefix in one of six ANSI colours chosen from the task id, so a
 * task keeps its prefix and its colour from one request to the next.
 */
public final class SourceLabel {

    static final int SHORT_ID = 5;
    private static final String[] COLOURS = {"\u001b[36m", "\u001b[33m", "\u001b[32m", "\u001b[35m", "\u001b[34m",
            "\u001b[31m"};
    private static final String RESET = "\u001b[0m";

    private SourceLabel() {
    }

    /** The prefix of the task's lines, coloured or not. */
    public static String prefix(String taskName, String taskId, boolean colour) {
        String shortId = taskId.length() <= SHORT_ID ? taskId : taskId.substring(taskId.length() - SHORT_ID);
        String plain = taskName + "/" + shortId + "|";
        if (!colour) {
            return plain + " ";
        }
        return COLOURS[Math.floorMod(taskId.hashCode(), COLOURS.length)] + plain + RESET + " ";
    }
}
