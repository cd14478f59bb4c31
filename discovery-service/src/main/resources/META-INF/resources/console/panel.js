// A log's panel: its lines, its status line and its tools (filter, since, grep, pause, start,
// download, close), driving one LogTail. Keys: Enter in a tool's box applies them, Escape in the
// panel closes it. A merged stream's line starts with its task's label, coloured by task, and
// its source events show as notices between the lines.

import {LogTail} from './tail.js';
import {sourceLabel, colourClass, sourceNotice} from './prefix.js';

/** Lines kept on screen per panel; the oldest go first. */
const KEEP = 20000;

export class LogPanel {
    constructor(source, session, lines, onClose) {
        const template = document.getElementById('tail-template');
        this.element = template.content.firstElementChild.cloneNode(true);
        this.lines = this.element.querySelector('.lines');
        this.statusLine = this.element.querySelector('.status');
        this.pauseButton = this.element.querySelector('.pause');
        this.count = lines;
        this.merged = Boolean(source.merged);
        this.element.querySelector('.tail-title').textContent = source.title;
        this.element.dataset.source = source.path;
        this.tail = new LogTail(source, this, session);
        this.wire(source, onClose);
    }

    wire(source, onClose) {
        const download = this.element.querySelector('.download');
        if (source.download) {
            download.href = source.download;
        } else {
            download.remove();
        }
        this.element.querySelector('.tail-tools').addEventListener('submit', event => {
            event.preventDefault();
            const value = name => this.element.querySelector('.' + name).value;
            this.tail.setBounds({filter: value('filter'), since: value('since'), grep: value('grep')});
            this.setPaused(false);
            this.tail.openAtEnd(this.count);
        });
        this.pauseButton.addEventListener('click', () => this.setPaused(!this.tail.paused, true));
        this.element.querySelector('.start').addEventListener('click', () => {
            this.setPaused(false);
            this.tail.openAtStart();
        });
        const close = () => {
            this.tail.close();
            this.element.remove();
            onClose(this);
        };
        this.element.querySelector('.close').addEventListener('click', close);
        this.element.addEventListener('keydown', event => {
            if (event.key === 'Escape') {
                close();
            }
        });
    }

    setPaused(paused, drive) {
        this.pauseButton.textContent = paused ? 'Resume' : 'Pause';
        this.pauseButton.setAttribute('aria-pressed', String(paused));
        if (drive) {
            paused ? this.tail.pause() : this.tail.resume();
        } else {
            this.tail.paused = paused;
        }
    }

    // the view LogTail drives

    clear() {
        this.lines.replaceChildren();
    }

    render(entries) {
        if (entries.length === 0) {
            return;
        }
        const follow = this.atBottom();
        const fragment = document.createDocumentFragment();
        for (const entry of entries) {
            const line = document.createElement('li');
            if (this.merged) {
                const prefix = document.createElement('span');
                prefix.className = 'prefix ' + colourClass(entry.fields.TASK_ID);
                prefix.textContent = sourceLabel(entry.fields.TASK_NAME, entry.fields.TASK_ID) + '| ';
                line.append(prefix);
            }
            line.append(entry.fields.MESSAGE ?? '');
            line.dataset.cursor = entry.cursor;
            fragment.appendChild(line);
        }
        this.append(fragment, follow);
    }

    /** A merged stream's source event, as a line of its own among the log's lines. */
    notice(change) {
        const follow = this.atBottom();
        const line = document.createElement('li');
        line.className = 'notice ' + colourClass(change.task_id);
        line.textContent = sourceNotice(change);
        this.append(line, follow);
    }

    append(node, follow) {
        this.lines.appendChild(node);
        while (this.lines.childElementCount > KEEP) {
            this.lines.firstElementChild.remove();
        }
        if (follow) {
            this.lines.scrollTop = this.lines.scrollHeight;
        }
    }

    /** The cursor of the last entry shown (notices have none). */
    lastCursor() {
        const entries = this.lines.querySelectorAll('li[data-cursor]');
        return entries.length > 0 ? entries[entries.length - 1].dataset.cursor : null;
    }

    status(text, kind) {
        this.statusLine.textContent = text;
        this.statusLine.dataset.kind = kind;
        this.element.dataset.state = kind;
    }

    problem(error) {
        this.status(error.message, 'error');
        this.element.dispatchEvent(new CustomEvent('log-problem', {bubbles: true, detail: error}));
    }

    atBottom() {
        return this.lines.scrollHeight - this.lines.scrollTop - this.lines.clientHeight < 40;
    }
}
