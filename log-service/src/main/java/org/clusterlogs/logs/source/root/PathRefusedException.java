package org.clusterlogs.logs.source.root;

import org.clusterlogs.logs.source.BadPathException;

/** A path that would leave its log root through a link: refused, never followed. */
public class PathRefusedException extends BadPathException {

    public PathRefusedException(String message) {
        super(message);
    }
}
