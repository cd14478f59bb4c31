package org.clusterlogs.logs.source.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of journalctl whose stdout is read as it comes. Its stderr goes to a temporary file,
 * not a pipe: the process can never block on a full stderr pipe, and no thread is needed to
 * drain it. A non-zero exit becomes an {@link IOException} carrying that stderr text once
 * stdout is exhausted; a run we killed ourselves ends quietly.
 */
final class JournalProcess implements Closeable {

    /** journalctl is trusted and journald caps entries itself: no extra cap on a field's length. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());
    private static final int MAX_ERROR_BYTES = 2000;
    /** SIGKILL takes effect at once; this only bounds the wait should the kernel be slow. */
    private static final long EXIT_WAIT_SECONDS = 5;

    private final List<String> command;
    private final Process process;
    private final Path stderr;
    private JsonParser json;
    private BufferedReader lines;
    private boolean ended;
    private volatile boolean killed;

    private JournalProcess(List<String> command, Process process, Path stderr) {
        this.command = command;
        this.process = process;
        this.stderr = stderr;
    }

    static JournalProcess start(List<String> command) throws IOException {
        Path stderr = Files.createTempFile("journalctl-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            return new JournalProcess(command, process, stderr);
        } catch (IOException e) {
            Files.deleteIfExists(stderr);
            throw new IOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** The next JSON object journalctl printed, or {@code null} when it is done. */
    ObjectNode nextObject() throws IOException {
        if (ended) {
            return null;
        }
        if (json == null) {
            json = MAPPER.getFactory().createParser(process.getInputStream());
        }
        JsonToken token;
        try {
            token = json.nextToken();
        } catch (IOException e) {
            return failedRead(e);
        }
        if (token == null) {
            end();
            return null;
        }
        JsonNode node = MAPPER.readTree(json);
        if (!(node instanceof ObjectNode object)) {
            throw new IOException("journalctl printed something else than a JSON object: " + token);
        }
        return object;
    }

    /** The next line journalctl printed, or {@code null} when it is done. */
    String nextLine() throws IOException {
        if (ended) {
            return null;
        }
        if (lines == null) {
            lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }
        String line;
        try {
            line = lines.readLine();
        } catch (IOException e) {
            return failedRead(e);
        }
        if (line == null) {
            end();
        }
        return line;
    }

    /** The running process, for tests that check it is gone after close. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Kills journalctl at once if it still runs (and waits a moment for it to be gone, so no
     * killed journalctl outlives its reader), and frees the pipe and the stderr file.
     */
    @Override
    public void close() throws IOException {
        ended = true;
        if (process.isAlive()) {
            killed = true;
            process.destroyForcibly();
            awaitExit();
        }
        try {
            process.getInputStream().close();
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private void awaitExit() {
        try {
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T failedRead(IOException e) throws IOException {
        if (killed) {
            ended = true;
            return null;
        }
        throw e;
    }

    private void end() throws IOException {
        ended = true;
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for journalctl", e);
        }
        if (status != 0 && !killed) {
            throw new IOException(failure(status));
        }
    }

    private String failure(int status) {
        String message = "";
        try (InputStream in = Files.newInputStream(stderr)) {
            byte[] head = in.readNBytes(MAX_ERROR_BYTES + 1);
            message = new String(head, 0, Math.min(head.length, MAX_ERROR_BYTES), StandardCharsets.UTF_8).strip();
            if (head.length > MAX_ERROR_BYTES) {
                message += "…";
            }
        } catch (IOException e) {
            // the status alone must do
        }
        return command.get(0) + " failed (exit status " + status + ")"
                + (message.isEmpty() ? "" : ": " + message);
    }
}
