package org.clusterlogs.logs.source.pod;

import java.io.IOException;

/** A file listed a moment ago is gone or is another file now (kubelet rotated it): list again. */
final class SegmentGoneException extends IOException {

    SegmentGoneException(Segment segment) {
        super("log file changed while it was opened: " + segment.path().fileName());
    }
}
