package org.clusterlogs.testing.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Keys written as PEM files, the way the services are given their keys (a private key, a public key). */
public final class PemFiles {

    private PemFiles() {
    }

    /** Writes {@code der} to {@code file} as PEM with the label {@code type} ({@code PRIVATE KEY}, {@code PUBLIC KEY}). */
    public static Path write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
