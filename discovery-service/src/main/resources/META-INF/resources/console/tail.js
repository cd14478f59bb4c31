// One open log: the last N entries in one range read (NDJSON), then a live follow through
// EventSource from the last entry's cursor. Resuming never loses or repeats an entry:
// - while the browser reconnects by itself it sends Last-Event-ID, and log-service continues
//   right after that entry;
// - when the browser gives up (readyState CLOSED: the reconnect got a 502 from a lost node, a
//   401 from an expired session...), the tail asks what went wrong with a one-entry range read,
//   refreshes the session on a 401, and opens a new EventSource with cursor=<last id>, which
//   log-service also reads as "right after that entry" (docs/logging-api.md, Positioning).
// An event whose id is the last one shown is dropped all the same, so that a server answering
// "from c" instead of "after c" would not repeat a line either.
// A merged stream (many tasks as one, source.merged) has no range read first: its ids are
// merged cursors, which only its event stream hands out, so the panel opens the stream itself
// with the last N entries (limit=N) and resumes it the same way with cursor=<last merged id>;
// its "source" events (a task added, ended, its node lost or rejoined) become notices.

import {getEntries, failure, ApiError} from './api.js';

/** Entries held while paused before the follow is closed, to be reopened at the last one shown. */
const PAUSE_BUFFER = 5000;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15000;
/** Answers that retrying cannot mend: the tail stops and says why. */
const FINAL = [400, 401, 403, 404];
/** An age for since: now minus N ms, s, m, h or d. */
const AGE = /^(\d+)(ms|s|m|h|d)$/;
const AGE_MS = {ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000};

export class LogTail {
    /**
     * @param source {{title: string, path: string, params: object|undefined, merged: boolean|undefined}}
     * @param view   the panel: render(entries), notice(change), status(text, kind), problem(ApiError)
     * @param session the Session, refreshed on a 401
     */
    constructor(source, view, session) {
        this.source = source;
        this.view = view;
        this.session = session;
        this.bounds = {filter: '', since: '', grep: ''};
        this.lastId = null;
        this.events = null;
        this.paused = false;
        this.held = [];
        this.overflowed = false;
        this.retryMs = RETRY_FIRST_MS;
        this.retryTimer = null;
        this.closed = false;
        this.needsLogin = false;
        /** Counts opens and closes: an answer that arrives for an earlier one is dropped. */
        this.generation = 0;
    }

    /** The last {@code lines} entries, then live. */
    async openAtEnd(lines) {
        await this.open(this.source.merged ? {limit: String(lines)} : {cursor: 'END', skip: String(-lines)});
    }

    /** From the first entry on. */
    async openAtStart() {
        await this.open({cursor: 'BEG'});
    }

    /** Closes the follow; the lines shown stay. */
    close() {
        this.closed = true;
        this.generation++;
        clearTimeout(this.retryTimer);
        this.stopFollowing();
    }

    /**
     * The entries to show: {@code filter} (FIELD:value), {@code since} (RFC 3339, or an age such
     * as 10m, turned into a time now: a tail resumed an hour later keeps its start) and
     * {@code grep} (a regular expression on the message), all applied by log-service.
     */
    setBounds({filter, since, grep}) {
        const age = AGE.exec(since.trim());
        this.bounds = {
            filter: filter.trim(),
            since: age ? new Date(Date.now() - Number(age[1]) * AGE_MS[age[2]]).toISOString() : since.trim(),
            grep,
        };
    }

    pause() {
        this.paused = true;
        this.view.status('Paused: new lines are kept and shown on resume.', 'paused');
    }

    resume() {
        this.paused = false;
        const held = this.held;
        this.held = [];
        this.view.render(held);
        if (this.overflowed && !this.closed) {
            this.overflowed = false;
            this.follow();
        } else if (this.events !== null && this.events.readyState === EventSource.OPEN) {
            this.view.status('Live.', 'live');
        }
    }

    /**
     * The range read at {@code position}, then the follow after its last entry; after an empty
     * range (an empty file, nothing matches the filter) the follow starts at the beginning, so
     * that a line written in between is not missed.
     */
    async open(position) {
        clearTimeout(this.retryTimer);
        this.stopFollowing();
        const generation = ++this.generation;
        this.position = position;
        this.loaded = false;
        this.closed = false;
        this.overflowed = false;
        this.held = [];
        this.lastId = null;
        this.view.clear();
        this.view.status('Loading…', 'loading');
        if (this.source.merged) {
            this.loaded = true;
            this.follow();
            return;
        }
        const mark = 'clusterlogs:' + this.source.path + ':rendered';
        let entries;
        try {
            entries = await getEntries(this.url({...position, limit: position.cursor === 'BEG' ? '1000' : null}));
        } catch (e) {
            if (generation === this.generation) {
                this.failed(e);
            }
            return;
        }
        if (generation !== this.generation) {
            return;
        }
        this.loaded = true;
        this.view.render(entries);
        performance.mark(mark, {detail: {entries: entries.length}});
        this.lastId = entries.length > 0 ? entries[entries.length - 1].cursor : null;
        this.follow();
    }

    follow() {
        this.stopFollowing();
        const events = new EventSource(this.url(this.resumePosition()));
        this.events = events;
        events.addEventListener('source', event => this.view.notice(JSON.parse(event.data)));
        events.onopen = () => {
            this.retryMs = RETRY_FIRST_MS;
            if (!this.paused) {
                this.view.status('Live.', 'live');
            }
        };
        events.onmessage = event => this.received(event);
        events.onerror = () => {
            if (events.readyState === EventSource.CLOSED) {
                this.recover();
            } else {
                this.view.status('Connection lost: reconnecting…', 'reconnecting');
            }
        };
    }

    received(event) {
        if (event.lastEventId === this.lastId) {
            return;
        }
        this.lastId = event.lastEventId;
        const entry = JSON.parse(event.data);
        if (this.source.merged) {
            entry.cursor = event.lastEventId; // the merged id resumes every source; the entry's own cursor only its own
        }
        if (!this.paused) {
            this.view.render([entry]);
            return;
        }
        this.held.push(entry);
        if (this.held.length > PAUSE_BUFFER) {
            // too much to hold: stop reading, forget the held entries, reopen after the last one shown
            this.lastId = this.view.lastCursor();
            this.held = [];
            this.overflowed = true;
            this.stopFollowing();
            this.view.status('Paused: the follow is closed and resumes after the last line shown.', 'paused');
        }
    }

    /** The browser gave up reconnecting: find out why with a one-entry read, then reopen or say so. */
    async recover() {
        this.stopFollowing();
        if (this.closed) {
            return;
        }
        const generation = this.generation;
        let problem = null;
        try {
            const response = await fetch(this.url({...this.resumePosition(), limit: '1'}), {headers: {Accept: 'application/json'}});
            if (!response.ok) {
                problem = await failure(response);
            }
        } catch (e) {
            problem = new ApiError(0, 'The cluster cannot be reached: ' + e.message);
        }
        if (problem !== null && problem.status === 401 && await this.session.refresh()) {
            problem = null;
        }
        if (generation !== this.generation) {
            return; // closed or opened anew meanwhile
        }
        if (problem === null) {
            this.follow();
            return;
        }
        if (FINAL.includes(problem.status)) {
            this.failed(problem);
            return;
        }
        this.view.status(problem.message + ' Retrying in ' + Math.round(this.retryMs / 1000) + ' s; '
            + 'the tail goes on after the last line shown.', 'lost');
        this.retryTimer = setTimeout(() => this.recover(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    }

    failed(error) {
        this.needsLogin = error.status === 401;
        this.view.problem(error);
    }

    /** After a new login: a tail stopped by a 401 goes on after its last line. */
    loggedIn() {
        if (this.needsLogin && !this.closed) {
            this.needsLogin = false;
            if (this.loaded) {
                this.follow();
            } else {
                this.open(this.position);
            }
        }
    }

    /**
     * Right after the last entry received; when none was, the beginning (a single log, after its
     * range read) or where the merged stream was opened.
     */
    resumePosition() {
        if (this.lastId !== null) {
            return {cursor: this.lastId};
        }
        return this.source.merged ? this.position : {cursor: 'BEG'};
    }

    stopFollowing() {
        if (this.events !== null) {
            this.events.close();
            this.events = null;
        }
    }

    url(params) {
        const query = new URLSearchParams(this.source.params || {});
        Object.entries(params).forEach(([key, value]) => {
            if (value !== null && value !== undefined) {
                query.set(key, value);
            }
        });
        Object.entries(this.bounds).forEach(([key, value]) => {
            if (value) {
                query.append(key, value);
            }
        });
        return this.source.path + '?' + query.toString();
    }
}
