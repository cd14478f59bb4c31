package org.clusterlogs.discovery.api;

/** Texts of the OpenAPI document shared by several operations. */
final class ApiDocs {

    static final String REDIRECT = """
            Finds the task in the index and answers 303 with a relative Location: the task's log on \
            its node, /system/v1/agent/{agent}/logs/v2/..., where discovery-service's agent routes \
            reach that node's log-service. The query string is carried unchanged. A task matches when \
            its name equals {task} or its id contains it; a whole task id always names that task. \
            Running tasks are looked at first, completed ones when no running task matches (or the \
            one that does has no logs yet). Kubernetes containers (id <namespace>.<pod>.<container>) \
            redirect to /pods/{namespace}/{pod}/{container}. See docs/discovery.md.""";

    static final String SEE_OTHER = "The task's log on its node: follow Location, sending the same token and Accept.";
    static final String NOT_FOUND = "No running or completed task matches (code TaskNotFound); for a Kubernetes "
            + "container, a route it has no answer for (code NotForPods).";
    static final String CONFLICT = "Several tasks match (code AmbiguousTask; their ids in the member candidates, "
            + "at most 20, and moreCandidates); or the one task has no container or node yet (code NoSandbox).";
    static final String NOT_READY = "The task index has not loaded yet (code IndexNotReady): try again after "
            + "Retry-After seconds.";
    static final String BAD_REQUEST = "A task, file or parameter that cannot be one (code BadParameter).";

    private ApiDocs() {
    }
}
