// Where a log is read, through discovery: a task by its id (discovery answers 303 to the node's
// agent route, which the browser follows, EventSource included), a node's component on its
// agent route, the tasks a search found as one merged stream.

const LOGS = '/system/v1/logs/v2';

/** A Mesos task's stdout and stderr (each downloadable); a Kubernetes container's one log. */
export function taskSources(task) {
    const base = LOGS + '/task/' + encodeURIComponent(task.id);
    if (task.kind === 'kubernetes') {
        return [{file: 'log', title: task.name + ' — ' + task.id, path: base, download: null}];
    }
    return ['stdout', 'stderr'].map(file => ({
        file,
        title: task.name + ' — ' + task.id + ' — ' + file,
        path: base + '/file/' + file,
        download: base + '/file/' + file + '/download',
    }));
}

/** A journald unit of a node, or the node's whole journal when {@code unit} is blank. */
export function componentSource(agent, unit) {
    const path = '/system/v1/agent/' + encodeURIComponent(agent.id) + '/logs/v2/component' + (unit ? '/' + encodeURIComponent(unit) : '');
    return {file: unit || 'journal', title: (agent.hostname || agent.id) + ' — ' + (unit || 'journal'), path, download: null};
}

/**
 * Every task matching {@code query} (what the search shows) as one stream: discovery's merged
 * route, each task's stdout (a pod's log), each line labelled with its task. {@code count} is
 * how many the search showed, as text ("3", or "50+" when more match).
 */
export function mergedSource(query, count) {
    const one = count === '1';
    const tasks = (one ? 'The 1 ' : 'All ' + count + ' ') + (query ? (one ? 'match' : 'matches') + ' of "' + query + '"' : (one ? 'task' : 'tasks'));
    return {file: 'stdout', title: tasks + ' — stdout', path: LOGS + '/tasks', params: {q: query}, merged: true, download: null};
}
