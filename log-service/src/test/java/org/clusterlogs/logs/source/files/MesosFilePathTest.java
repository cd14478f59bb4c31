package org.clusterlogs.logs.source.files;

import org.clusterlogs.logs.source.BadParameterException;
import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MesosFilePathTest {

    private static final Path WORK = Path.of("/var/lib/mesos/slave");
    private static final String AGENT = "agent-S1";
    private static final String RUN = "frameworks/fw/executors/ex/runs/c1";

    private static MesosFilePath parse(String path) {
        return MesosFilePath.parse(path, WORK, AGENT);
    }

    @Test
    void agentPathMapsUnderTheAgentDirectory() {
        MesosFilePath p = parse("/var/lib/mesos/slave/slaves/agent-S1/" + RUN + "/stdout");
        assertEquals(RUN + "/stdout", p.relative());
        assertEquals("stdout", p.fileName());
        assertEquals("/var/lib/mesos/slave/slaves/agent-S1/" + RUN + "/stdout", p.shown());
    }

    @Test
    void virtualPathMapsTheSame() {
        MesosFilePath p = parse("/" + RUN + "/tasks/t1/stderr");
        assertEquals(RUN + "/tasks/t1/stderr", p.relative());
        assertEquals("/" + RUN + "/tasks/t1/stderr", p.shown());
    }

    @Test
    void emptySegmentsAndATrailingSlashAreDropped() {
        MesosFilePath p = parse("//var/lib/mesos/slave/slaves//agent-S1/" + RUN + "/");
        assertEquals(List.of("frameworks", "fw", "executors", "ex", "runs", "c1"), p.underAgent());
        assertEquals("/var/lib/mesos/slave/slaves/agent-S1/" + RUN, p.shown());
    }

    @Test
    void aConfiguredWorkDirWithATrailingSlashOrDotsIsNormalised() {
        MesosFilePath p = MesosFilePath.parse("/data/mesos/slaves/agent-S1/" + RUN, Path.of("/data/./mesos/"), AGENT);
        assertEquals(RUN, p.relative());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/var/lib/mesos/slave/slaves/agent-S1/" + RUN + "/../../../../../../../../etc/passwd",
        "/var/lib/mesos/slave/../../../etc/passwd",
        "/" + RUN + "/..",
        "/" + RUN + "/./stdout",
        "/" + RUN + "/std\u0000out",
        "/" + RUN + "/a\nb",
        "/" + RUN + "/a\\..\\b",
        "/etc/passwd",
        "/var/lib/mesos/slave",
        "/var/lib/mesos/slave/slaves",
        "/var/lib/mesos/slave/meta/slaves/agent-S1/" + RUN,
        "/var/lib/mesos/slave2/slaves/agent-S1/" + RUN + "/stdout",
        "/var/lib/mesos/slave/slaves/agent-S1",
        "/var/lib/mesos/slave/slaves/agent-S1/frameworks/fw/executors/ex/runs",
        "/var/lib/mesos/slave/slaves/agent-S1/frameworks/fw/tasks/ex/runs/c1",
        "/frameworks",
        "var/lib/mesos/slave/slaves/agent-S1/" + RUN + "/stdout",
        RUN + "/stdout",
    })
    void malformedOrOutsideTheSandboxesIsABadPath(String path) {
        assertThrows(BadPathException.class, () -> parse(path));
    }

    @Test
    void anotherAgentsSandboxIsNotHere() {
        assertThrows(LogNotFoundException.class,
                () -> parse("/var/lib/mesos/slave/slaves/agent-S2/" + RUN + "/stdout"));
    }

    @Test
    void aMissingPathIsABadParameter() {
        BadParameterException e = assertThrows(BadParameterException.class, () -> parse(null));
        assertEquals("the query parameter path is required", e.getMessage());
        assertThrows(BadParameterException.class, () -> parse(""));
    }
}
