package org.clusterlogs.discovery.redirect;

import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.discovery.index.LogLocation;
import org.clusterlogs.discovery.index.Task;
import org.clusterlogs.discovery.index.TaskKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Location of every discovery route, for command tasks, tasks in pods and Kubernetes containers. */
class TaskRedirectTest {

    private static final Task COMMAND = new Task("nginx.7f3c", "nginx", TaskKind.MESOS, "marathon", "agent-1",
            "TASK_RUNNING", false, new LogLocation.Sandbox("fw-1", "", "c-1"));
    private static final Task IN_POD = new Task("pod1.sidecar", "sidecar", TaskKind.MESOS, "pods", "agent-1",
            "TASK_RUNNING", false, new LogLocation.Sandbox("fw-2", "pod1-executor", "c-pod1"));
    private static final Task CONTAINER = new Task("default.web-1.nginx", "nginx", TaskKind.KUBERNETES, "default",
            "node-a", "Running", false, new LogLocation.PodContainer("default", "web-1", "nginx"));
    private static final String SANDBOX = "/system/v1/agent/agent-1/logs/v2/task/frameworks/fw-1/executors/nginx.7f3c/runs/c-1";

    private static final LogRequest READ = new LogRequest.Read(Optional.empty());

    @Test
    void commandTaskExecutorIsTheTaskId() {
        assertEquals(SANDBOX + "/stdout", TaskRedirect.location(COMMAND, READ, null));
        assertEquals(SANDBOX + "/stderr", TaskRedirect.location(COMMAND, new LogRequest.Read(Optional.of("stderr")), ""));
        assertEquals(SANDBOX + "/files/browse", TaskRedirect.location(COMMAND, new LogRequest.Browse(), null));
        assertEquals(SANDBOX + "/stdout/download",
                TaskRedirect.location(COMMAND, new LogRequest.Download(Optional.empty()), null));
        assertEquals(SANDBOX + "/app.log/download",
                TaskRedirect.location(COMMAND, new LogRequest.Download(Optional.of("app.log")), null));
    }

    @Test
    void taskInAPodIsUnderItsExecutorsContainer() {
        assertEquals("/system/v1/agent/agent-1/logs/v2/task/frameworks/fw-2/executors/pod1-executor/runs/c-pod1"
                + "/tasks/pod1.sidecar/stdout", TaskRedirect.location(IN_POD, READ, null));
    }

    @Test
    void queryIsCarriedVerbatim() {
        String query = "cursor=END&skip=-5&filter=A%3Ab&x=%2F%20+y&&";
        assertEquals(SANDBOX + "/stdout?" + query, TaskRedirect.location(COMMAND, READ, query));
    }

    @Test
    void segmentsAreEncoded() {
        Task odd = new Task("a b/c%{d}", "x", TaskKind.MESOS, "m", "agent 1", "TASK_RUNNING", false,
                new LogLocation.Sandbox("fw", "", "c"));
        assertEquals("/system/v1/agent/agent%201/logs/v2/task/frameworks/fw/executors/a%20b%2Fc%25%7Bd%7D/runs/c/stdout",
                TaskRedirect.location(odd, READ, null));
    }

    @Test
    void kubernetesContainerIsItsPodLog() {
        String log = "/system/v1/agent/node-a/logs/v2/pods/default/web-1/nginx";
        assertEquals(log, TaskRedirect.location(CONTAINER, READ, null));
        assertEquals(log + "?cursor=END&skip=-10", TaskRedirect.location(CONTAINER, READ, "cursor=END&skip=-10"));
        assertEquals(log + "?filter=STREAM:stderr",
                TaskRedirect.location(CONTAINER, new LogRequest.Read(Optional.of("stderr")), null));
        assertEquals(log + "?skip=-1&filter=STREAM:stdout",
                TaskRedirect.location(CONTAINER, new LogRequest.Read(Optional.of("stdout")), "skip=-1"));
    }

    @Test
    void kubernetesContainerHasNoSandboxFiles() {
        for (LogRequest request : new LogRequest[]{new LogRequest.Browse(), new LogRequest.Download(Optional.empty()),
                new LogRequest.Read(Optional.of("app.log"))}) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> TaskRedirect.location(CONTAINER, request, null));
            assertEquals(404, e.status());
            assertEquals("NotForPods", e.code());
        }
    }
}
