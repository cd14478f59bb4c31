package org.clusterlogs.messagelogging.policy;

/** {@code <FileRotationType>}: which trigger rolls the active file over. */
public enum RotationType {
    SIZE, TIME, TIME_SIZE;

    public boolean bySize() {
        return this != TIME;
    }

    public boolean byTime() {
        return this != SIZE;
    }
}
