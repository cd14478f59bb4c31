package org.clusterlogs.messagelogging.policy;

/**
 * {@code <FileRotationOptions>} with every default applied; the defaults hold also when the element
 * is absent, so an unbounded file needs an explicit choice.
 *
 * @param rotateOnStartup  {@code rotateFileOnStartup}: roll a non-empty active file over when the service starts
 * @param type             {@code <FileRotationType>}, default SIZE
 * @param maxFileSizeInMB  {@code <MaxFileSizeInMB>}, default 128 (MiB); used by SIZE and TIME_SIZE
 * @param frequency        {@code <RotationFrequency>}, default 1; used by TIME and TIME_SIZE
 * @param unit             its {@code unit} attribute, default minute
 * @param maxFilesToRetain {@code <MaxFilesToRetain>}, default 8; 0 keeps every rolled-over file
 */
public record FileRotation(boolean rotateOnStartup, RotationType type, int maxFileSizeInMB, int frequency,
                           RotationUnit unit, int maxFilesToRetain) {

    public static final FileRotation DEFAULTS = new FileRotation(true, RotationType.SIZE, 128, 1, RotationUnit.MINUTE, 8);

    /** The size trigger in bytes. */
    public long maxFileBytes() {
        return maxFileSizeInMB * 1024L * 1024L;
    }
}
