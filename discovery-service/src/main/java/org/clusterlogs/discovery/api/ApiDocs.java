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
            redirect to /pods/{namespace}/{pod}/{container}. Unlike DC/OS, which answered 500 for \
            these, an unknown task is a 404 and an ambiguous one a 409 listing the candidates. See \
            docs/discovery.md.""";

    static final String SEE_OTHER = "The task's log on its node: follow Location, sending the same token and Accept.";

    private ApiDocs() {
    }
}
