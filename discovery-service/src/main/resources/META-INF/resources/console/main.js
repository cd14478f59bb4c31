// The console's wiring: the login form, the search over discovery's task index and nodes, and
// the panels of the open logs.

import {getJson} from './api.js';
import {Session} from './session.js';
import {LogPanel} from './panel.js';
import {taskSources, componentSource, mergedSource} from './sources.js';

const $ = id => document.getElementById(id);
const session = new Session();
const panels = [];

session.onChange(loggedIn => {
    $('login').hidden = loggedIn;
    $('logout').hidden = !loggedIn;
    $('who').textContent = loggedIn ? (session.user() || '') : '';
    if (loggedIn) {
        $('workspace').hidden = false;
        panels.forEach(panel => panel.tail.loggedIn());
    } else {
        $('uid').focus();
    }
});

$('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    $('login-message').textContent = '';
    try {
        await session.login($('uid').value, $('password').value);
        $('password').value = '';
        $('query').focus();
        if ($('tasks').childElementCount === 0) {
            search();
        }
    } catch (e) {
        $('login-message').textContent = e.status === 401 ? 'Wrong user or password.' : e.message;
    }
});

$('logout').addEventListener('click', async () => {
    panels.slice().forEach(panel => panel.element.querySelector('.close').click());
    await session.logout();
});

// the tasks of the latest search, as one merged tail
$('tail-all').addEventListener('click', () => {
    const count = $('tail-all').dataset.count;
    openPanel(mergedSource($('tasks').dataset.query, count));
});

$('search-form').addEventListener('submit', event => {
    event.preventDefault();
    search();
});

// a tail stopped by a 401 asks for a new login; it resumes by itself after it
document.addEventListener('log-problem', event => {
    if (event.detail.status === 401) {
        session.ended();
    }
});

/** Only the latest search shows its results (an earlier one may answer later). */
let searches = 0;

async function search() {
    $('search-message').textContent = '';
    const q = $('query').value.trim();
    const mine = ++searches;
    try {
        const [tasks, agents] = await Promise.all([
            getJson('/system/v1/tasks?' + new URLSearchParams(q ? {q} : {})),
            getJson('/system/v1/agents')]);
        if (mine !== searches) {
            return;
        }
        $('tasks').dataset.query = q;
        showTasks(tasks.tasks || [], tasks.more);
        showAgents((agents.agents || []).filter(a => !q || a.id.includes(q) || (a.hostname || '').includes(q)));
    } catch (e) {
        if (mine !== searches) {
            return;
        }
        $('search-message').textContent = e.message;
        if (e.status === 401) {
            session.ended();
        }
    }
}

function showTasks(tasks, more) {
    const count = tasks.length + (more ? '+' : '');
    $('tail-all').hidden = tasks.length === 0;
    $('tail-all').dataset.count = count;
    $('tail-all').textContent = count === '1' ? 'Tail the 1 match' : 'Tail all ' + count + ' matches';
    $('tasks').replaceChildren(...tasks.map(task => {
        const item = document.createElement('li');
        item.append(label(task.name, task.id + ' · ' + task.state + (task.agent ? ' · ' + task.agent : '')));
        taskSources(task).forEach(source => item.append(openButton(source.file, source)));
        return item;
    }));
    if (tasks.length === 0) {
        $('tasks').append(note('No task matches.'));
    } else if (more) {
        $('tasks').append(note('More tasks match: narrow the search.'));
    }
}

function showAgents(agents) {
    $('agents').replaceChildren(...agents.map(agent => {
        const item = document.createElement('li');
        item.append(label(agent.hostname || agent.id, agent.id + (agent.hasLogService ? '' : ' · no log service known')));
        const form = document.createElement('form');
        form.className = 'component';
        const unit = document.createElement('input');
        unit.placeholder = 'unit (blank: the whole journal)';
        unit.setAttribute('aria-label', 'Component of ' + (agent.hostname || agent.id));
        const button = document.createElement('button');
        button.textContent = 'Open';
        form.append(unit, button);
        form.addEventListener('submit', event => {
            event.preventDefault();
            openPanel(componentSource(agent, unit.value.trim()));
        });
        item.append(form);
        return item;
    }));
    if (agents.length === 0) {
        $('agents').append(note('No node matches.'));
    }
}

function openButton(text, source) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.setAttribute('aria-label', 'Open ' + source.title);
    button.addEventListener('click', () => openPanel(source));
    return button;
}

function openPanel(source) {
    const panel = new LogPanel(source, session, lines(), closed => {
        panels.splice(panels.indexOf(closed), 1);
        $('no-tails').hidden = panels.length > 0;
        $('query').focus();
    });
    panels.push(panel);
    $('no-tails').hidden = true;
    $('tails').append(panel.element);
    panel.element.focus();
    panel.tail.openAtEnd(panel.count);
}

function lines() {
    const n = parseInt($('lines').value, 10);
    return Number.isFinite(n) && n > 0 ? n : 100;
}

function label(title, detail) {
    const span = document.createElement('span');
    span.className = 'label';
    const strong = document.createElement('strong');
    strong.textContent = title;
    const small = document.createElement('small');
    small.textContent = detail;
    span.append(strong, small);
    return span;
}

function note(text) {
    const item = document.createElement('li');
    item.className = 'note';
    item.textContent = text;
    return item;
}

// an existing session (the HttpOnly cookie) is found by refreshing it
session.refresh();
