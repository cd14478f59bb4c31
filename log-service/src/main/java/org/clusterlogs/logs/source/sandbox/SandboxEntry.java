package org.clusterlogs.logs.source.sandbox;

/** One entry of a sandbox listing, with the keys of the Mesos {@code files/browse} answer. */
public record SandboxEntry(String gid, String mode, long mtime, long nlink, String path, long size, String uid) {
}
