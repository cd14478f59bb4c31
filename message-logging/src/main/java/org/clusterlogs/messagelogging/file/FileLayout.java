package org.clusterlogs.messagelogging.file;

import java.nio.file.Path;

/**
 * Where under the file root ({@code messagelogging.file.root}) a policy's {@code FileName} goes.
 * {@code NESTED} and {@code PREFIXED} are the reference's two layouts; {@code FLAT} puts the file
 * directly in the root so that a log-service whose components directory is that root serves each
 * file as a component log (policies choose distinct file names; equal names share one file).
 */
public enum FileLayout {
    /** {@code {root}/{FileName}}. */
    FLAT,
    /** {@code {root}/{org}_{env}_{service}_{revision}_{policy}_{FileName}}: the reference's flat structure. */
    PREFIXED,
    /** {@code {root}/{org}/{env}/{service}/{revision}/{policy}/{FileName}}: the reference's default. */
    NESTED;

    /** The active file of a policy's destination. */
    public Path resolve(Path root, FileScope scope, String fileName) {
        return switch (this) {
            case FLAT -> root.resolve(fileName);
            case PREFIXED -> root.resolve(String.join("_", scope.organization(), scope.environment(), scope.service(),
                    Integer.toString(scope.revision()), scope.policy(), fileName));
            case NESTED -> root.resolve(scope.organization()).resolve(scope.environment()).resolve(scope.service())
                    .resolve(Integer.toString(scope.revision())).resolve(scope.policy()).resolve(fileName);
        };
    }
}
