// The label of a merged stream's line, "<name>/<short-id>| " as discovery-service writes it in
// its text form (and the clusterlogs command prints it): the task's name and the last five
// characters of its id. Its colour is one of six CSS classes, chosen as discovery chooses its
// ANSI colour (Java's String.hashCode of the task id, modulo 6), so a task has the same colour
// in the console, the command line and a coloured text range.

const SHORT_ID = 5;
const COLOURS = 6;

/** "name/short-id": the source as a line's prefix or a notice names it. */
export function sourceLabel(taskName, taskId) {
    const id = taskId || '';
    return (taskName || '?') + '/' + id.slice(Math.max(0, id.length - SHORT_ID));
}

/** The CSS class of the task's colour: src-0 … src-5. */
export function colourClass(taskId) {
    const id = taskId || '';
    let hash = 0;
    for (let i = 0; i < id.length; i++) {
        hash = (Math.imul(31, hash) + id.charCodeAt(i)) | 0; // over UTF-16 units, in 32 bits, as Java's
    }
    return 'src-' + (((hash % COLOURS) + COLOURS) % COLOURS);
}

/** "[lost] nginx/abc12 on node a1": a merged stream's source event, as one line. */
export function sourceNotice(change) {
    return '[' + (change.state || '?') + '] ' + sourceLabel(change.task_name, change.task_id)
        + (change.agent_id ? ' on node ' + change.agent_id : '');
}
