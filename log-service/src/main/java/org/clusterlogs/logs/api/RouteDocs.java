package org.clusterlogs.logs.api;

/** OpenAPI descriptions of the routes, with every deviation from DC/OS spelled out. */
final class RouteDocs {

    static final String POSITIONING = """
            Positioning: a position lies between two entries; `cursor` names the position after \
            the entry it was taken from (`BEG` = before the first, `END` = after the last). \
            `skip=k` then moves exactly k entries forward (k>0) or back (k<0), clamped at the ends; \
            `skip<0` without a cursor counts back from the end; `limit=n` returns at most n entries \
            (0 = no limit). `Last-Event-ID` overrides `cursor`, `skip` and `limit`. `filter`, `grep`, \
            `since` and `until` define the bounded set, and positioning counts only its entries \
            (`cursor=END&skip=-10&grep=ERROR`: the last 10 entries that match); cursors stay the log's own.

            Formats by `Accept` (exact match on the whole header): `text/event-stream` follows for ever \
            with `: ping` every 15 s while idle and an `id` on every event; `application/json` is \
            newline-delimited JSON (the same objects as the SSE `data:`); anything else is text. \
            A range with no entries answers 204. Beyond the node's or the client's cap of open \
            streams a request answers 503 (`TooManyStreams`) with `Retry-After`.

            Deviations from DC/OS 1.11 (docs/logging-api.md, "Compatibility"): skip counts exactly; \
            cursor+negative skip returns the last k entries up to and including the cursor's entry; \
            filters narrow; Last-Event-ID overrides everything; bad cursors are 400; every SSE event \
            has an id; blank lines are lines; last-N is exact, lines of any length are served (longer \
            than the 1 MiB cap: split, each piece but the last flagged SPLIT=true and ending in a \
            backslash in text) and a partial last line ends a range.""";

    static final String READ = """
            Lines of a file in the task's sandbox. Cursors are byte offsets: an entry's cursor is the \
            offset of its terminating newline. Follow (SSE) survives rename-and-create rotation \
            without losing or repeating a line, and copy-truncate rotation without repeating one \
            (its limits: docs/log-files.md): a follower that fell behind reads \
            every rotated file it missed (`stdout.1`, `stdout.2`, dated names), in order; a cursor \
            beyond the end of the file means the file was replaced and reading starts at its \
            beginning. A link inside the log root is followed (`runs/latest`); a link that leaves it \
            answers 400 (`BadPath`), and a follower whose file became such a link waits for a regular \
            file. \
            Task files are also served as `application/json` (the reference served only text and SSE). \
            Filters apply to the entry fields AGENT_ID, FRAMEWORK_ID, EXECUTOR_ID, CONTAINER_ID, \
            TASK_ID, FILE and MESSAGE.

            """ + POSITIONING;

    static final String DOWNLOAD = """
            The file's bytes unchanged, as an attachment (sent zero-copy). Errors keep their status \
            (the reference answered 200 with the error body).""";

    static final String BROWSE = """
            The sandbox directory, one object per entry with the keys of Mesos `files/browse` \
            (gid, mode, mtime, nlink, path, size, uid). Links are listed, not followed.""";

    static final String FILES_READ = """
            Mesos agent `files/read`: `{"data": "...", "offset": n}` with the bytes from `offset`, \
            `offset` being the one asked for. No offset or `-1` answers the file's size as `offset` \
            with empty data; a read at or past the end answers empty data at that offset; `length` \
            is capped at `logs.files-read-max-length` (1 MiB). `data` carries one character per byte \
            (ISO-8859-1: byte 0xNN is the character U+00NN), so `offset += len(data)` pages through the \
            file without losing or repeating a byte, whatever it holds; its ISO-8859-1 encoding gives \
            back the bytes (Mesos sent the raw bytes inside the JSON string, invalid JSON for \
            non-UTF-8 files). Offsets or lengths that are not integers of -1 or more: 400.""";

    static final String FILES_DOWNLOAD = """
            Mesos agent `files/download`: the file's bytes unchanged, as an attachment named after \
            the file (sent zero-copy). Errors are problem JSON with their status.""";

    static final String FILES_BROWSE = """
            Mesos agent `files/browse`: the directory's entries (gid, mode, mtime, nlink, path, \
            size, uid), each `path` being the requested path joined with the entry's name. Links \
            are listed, not followed.""";

    static final String COMPONENT = """
            Entries of this node's journal (read with journalctl) or, when `{name}.log` exists in the \
            components directory, the lines of that file. For the journal a unit matches `UNIT` or \
            `_SYSTEMD_UNIT`, and filters narrow that match (the reference OR-ed them). Journal \
            cursors are journald cursors; file cursors are byte offsets as for task files.

            """ + POSITIONING;

    static final String JOURNAL = """
            All entries of this node's journal (read with journalctl). Filters `FIELD:value` match \
            journal fields: the same field OR-ed, different fields AND-ed.

            """ + POSITIONING;

    static final String POD = """
            Logs of a Kubernetes pod's container in the CRI format: partial (P) records are joined \
            into one entry, the stream is the field STREAM (a filter: `STREAM:stderr`), rotated files \
            (gzip ones too) are part of the range, in order. Cursors are opaque strings that stay \
            valid when kubelet renames or compresses a file.

            """ + POSITIONING;

    private RouteDocs() {
    }
}
