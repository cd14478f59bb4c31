// A log's panel: its lines, its status line and its tools (filter, pause, start, download,
// close), driving one LogTail. Keys: Enter in the filter applies it, Escape in the panel closes it.

import {LogTail} from './tail.js';

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
            this.tail.setFilter(this.element.querySelector('.filter').value);
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
            line.textContent = entry.fields.MESSAGE ?? '';
            line.dataset.cursor = entry.cursor;
            fragment.appendChild(line);
        }
        this.lines.appendChild(fragment);
        while (this.lines.childElementCount > KEEP) {
            this.lines.firstElementChild.remove();
        }
        if (follow) {
            this.lines.scrollTop = this.lines.scrollHeight;
        }
    }

    lastCursor() {
        const last = this.lines.lastElementChild;
        return last ? last.dataset.cursor : null;
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
