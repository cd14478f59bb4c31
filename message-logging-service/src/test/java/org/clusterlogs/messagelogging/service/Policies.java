package org.clusterlogs.messagelogging.service;

/** Policy documents of the tests. */
final class Policies {

    private Policies() {
    }

    /** A File policy writing {@code message} to {@code fileName} under the file root. */
    static String file(String name, String fileName, String message) {
        return "<MessageLogging name=\"" + name + "\"><File><Message>" + message + "</Message><FileName>" + fileName
                + "</FileName></File></MessageLogging>";
    }
}
