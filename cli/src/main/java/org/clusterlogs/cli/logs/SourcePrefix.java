package org.clusterlogs.cli.logs;

/**
 * The label of a merged stream's line, {@code <name>/<short-id>| }, exactly as discovery-service
 * writes it in the merged stream's text form: the task's name and the last five characters of
 * its id, so that two tasks of one service tell apart and a task keeps its label from one
 * command to the next. In colour, {@code <name>/<short-id>|} takes the ANSI colour the server
 * gives that task (one of six, by the task id's {@link String#hashCode}, which is specified and
 * so the same in every JVM): a range the server labelled and a follow labelled here look alike.
 */
record SourcePrefix(String taskName, String taskId) {

    private static final int SHORT_ID = 5;
    /** discovery-service's palette, in its order: cyan, yellow, green, magenta, blue, red. */
    private static final int[] COLOURS = {36, 33, 32, 35, 34, 31};

    /** {@code name/short-id}: the source as a message names it. */
    String label() {
        String id = taskId == null ? "" : taskId;
        return (taskName == null || taskName.isEmpty() ? "?" : taskName) + "/"
                + id.substring(Math.max(0, id.length() - SHORT_ID));
    }

    /** The prefix of a text line, coloured or not. */
    String prefix(boolean colour) {
        if (!colour) {
            return label() + "| ";
        }
        int code = COLOURS[Math.floorMod((taskId == null ? "" : taskId).hashCode(), COLOURS.length)];
        return "\u001b[" + code + "m" + label() + "|\u001b[0m ";
    }
}
