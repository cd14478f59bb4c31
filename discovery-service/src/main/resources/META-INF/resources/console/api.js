// Requests to the cluster's one address (this page's origin). The auth cookie is HttpOnly:
// the browser adds it to every request, EventSource included, so no token is kept here.

/** A failed request, with the message a person should read. */
export class ApiError extends Error {
    constructor(status, message, problem) {
        super(message);
        this.status = status;
        this.problem = problem;
    }
}

/** Writes carry X-Requested-By: the services refuse cookie-authenticated writes without it (CSRF). */
const WRITE_HEADERS = {'Content-Type': 'application/json', 'X-Requested-By': 'clusterlogs-console'};

export async function postJson(path, body) {
    return send(path, {method: 'POST', headers: WRITE_HEADERS, body: body === undefined ? undefined : JSON.stringify(body)});
}

export async function getJson(path) {
    return (await send(path, {headers: {Accept: 'application/json'}})).json();
}

/** GET as NDJSON; a 204 (an empty range) is no entries. */
export async function getEntries(path) {
    const response = await send(path, {headers: {Accept: 'application/json'}});
    if (response.status === 204) {
        return [];
    }
    const text = await response.text();
    return text.split('\n').filter(line => line.length > 0).map(line => JSON.parse(line));
}

async function send(path, init) {
    let response;
    try {
        response = await fetch(path, {credentials: 'same-origin', ...init});
    } catch (e) {
        throw new ApiError(0, 'The cluster cannot be reached: ' + e.message);
    }
    if (!response.ok) {
        throw await failure(response);
    }
    return response;
}

/** The error a non-2xx answer stands for, with the problem body's detail when it has one. */
export async function failure(response) {
    let problem = null;
    try {
        problem = await response.json();
    } catch (e) {
        // no problem body: the status alone speaks
    }
    return new ApiError(response.status, explain(response.status, problem), problem);
}

/** What a person should do about a status, for a log route or any other. */
export function explain(status, problem) {
    const detail = problem && problem.detail ? ' (' + problem.detail + ')' : '';
    switch (status) {
        case 401:
            return 'Your session has ended: log in again.';
        case 403:
            return 'You may not read the cluster\'s logs: ask an administrator for ' + LOG_PERMISSION + '.' + detail;
        case 404:
            return 'Not found: ' + (problem && problem.detail ? problem.detail : 'no such task, node or file') + '.';
        case 409:
            return ambiguity(problem);
        case 502:
        case 504:
            return 'The node\'s log service cannot be reached, a lost node or a restart'
                + (problem && problem.detail ? ': ' + problem.detail : '') + '.';
        case 503:
            return 'The cluster is not ready or is busy' + detail + '; try again in a moment.';
        default:
            return 'The request failed with ' + status + detail + '.';
    }
}

/** What every log route needs, at discovery-service and at the node's log-service (docs/authentication.md). */
const LOG_PERMISSION = 'dcos:adminrouter:ops:system-logs full';

function ambiguity(problem) {
    if (problem && Array.isArray(problem.candidates)) {
        return 'Several tasks match: ' + problem.candidates.join(', ') + (problem.moreCandidates ? ', …' : '')
            + '. Open one by its id.';
    }
    return (problem && problem.detail) || 'The request conflicts with the cluster\'s state.';
}
