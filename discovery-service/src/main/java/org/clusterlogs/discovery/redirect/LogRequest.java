package org.clusterlogs.discovery.redirect;

import java.util.Optional;

/** What a discovery route asks of the task it names: a log read, a download, or the sandbox listing. */
public sealed interface LogRequest permits LogRequest.Read, LogRequest.Download, LogRequest.Browse {

    /** Read or follow a file ({@code /task/{task}[/file/{file}]}); no file: the task's default log. */
    record Read(Optional<String> file) implements LogRequest {
    }

    /** Download a file unchanged ({@code /task/{task}[/file/{file}]/download}); no file: {@code stdout}. */
    record Download(Optional<String> file) implements LogRequest {
    }

    /** List the sandbox ({@code /task/{task}/browse}). */
    record Browse() implements LogRequest {
    }
}
