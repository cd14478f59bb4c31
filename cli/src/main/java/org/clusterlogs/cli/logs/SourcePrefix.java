package org.clusterlogs.cli.logs;

/**
 * The label of a merged stream's line, {@code <name>/<short-id>| } as discovery-service writes
 * it in its text form: the task's name and the last five characters of its id, so that two
 * tasks of one service tell apart and a task keeps its label from one command to the next. In
 * colour, the label (not the message) takes one of six ANSI colours chosen by the task id, so a
 * task keeps its colour too.
 */
record SourcePrefix(String taskName, String taskId) {

    private static final int SHORT_ID = 5;
    /** Red, green, yellow, blue, magenta, cyan: readable on dark and light terminals alike. */
    private static final int[] COLOURS = {31, 32, 33, 34, 35, 36};

    /** {@code name/short-id}: the source as a message names it. */
    String label() {
        String id = taskId == null ? "" : taskId;
        return (taskName == null || taskName.isEmpty() ? "?" : taskName) + "/"
                + id.substring(Math.max(0, id.length() - SHORT_ID));
    }

    /** The prefix of a text line, coloured or not. */
    String prefix(boolean colour) {
        String plain = label() + "| ";
        if (!colour) {
            return plain;
        }
        // String.hashCode is specified, so the colour is the same in every JVM
        int code = COLOURS[Math.floorMod((taskId == null ? "" : taskId).hashCode(), COLOURS.length)];
        return "\u001b[" + code + "m" + plain + "\u001b[0m";
    }
}
