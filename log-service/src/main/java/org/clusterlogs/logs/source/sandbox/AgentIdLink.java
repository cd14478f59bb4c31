package org.clusterlogs.logs.source.sandbox;

import org.clusterlogs.logs.source.BadPathException;
import org.clusterlogs.logs.source.LogNotFoundException;
import org.clusterlogs.logs.source.Printable;
import org.clusterlogs.logs.source.root.LogRoot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads the Mesos agent id the way Mesos finds it again after a restart: the link
 * {@code <work_dir>/meta/slaves/latest}, whose target is {@code <work_dir>/meta/slaves/<agent id>}.
 * The link is read through the root of {@code meta/slaves}, never followed; only its last name
 * is used, and only when it is an agent id that has its directory beside the link. Anything else
 * (no link, a target elsewhere, a name that is not an id, a dangling link) is "no agent".
 */
public final class AgentIdLink {

    static final String LATEST = "latest";

    /** What Mesos makes agent ids of ({@code <master uuid>-S<n>}), with room for other forms. */
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    private final LogRoot metaSlaves;

    /** @param metaSlaves the root at {@code <work_dir>/meta/slaves} */
    public AgentIdLink(LogRoot metaSlaves) {
        this.metaSlaves = metaSlaves;
    }

    /** Where the link is, for messages. */
    public Path where() {
        return metaSlaves.absolute(Path.of(LATEST));
    }

    /**
     * The agent id the link names now.
     *
     * @throws NoMesosAgentException when the link is missing or does not name an agent
     */
    public String read() throws IOException {
        Path link = Path.of(LATEST);
        Path where = where();
        Path target;
        try {
            target = metaSlaves.readLink(link);
        } catch (LogNotFoundException e) {
            throw new NoMesosAgentException(where + " does not exist (" + e.getMessage() + ")");
        } catch (BadPathException e) {
            throw new NoMesosAgentException(where + " is not a link to an agent (" + e.getMessage() + ")");
        }
        String id = idOf(target);
        if (id == null) {
            throw new NoMesosAgentException(where + " points to " + Printable.of(target.toString())
                    + ", not to an agent id in meta/slaves");
        }
        boolean directory;
        try {
            directory = metaSlaves.resolve(Path.of(id)).attributes().isDirectory();
        } catch (LogNotFoundException e) {
            throw new NoMesosAgentException(where + " names agent " + id + ", whose directory does not exist");
        } catch (BadPathException e) {
            throw new NoMesosAgentException(where + " names agent " + id + ", which is a link elsewhere");
        }
        if (!directory) {
            throw new NoMesosAgentException(where + " names agent " + id + ", which is not a directory");
        }
        return id;
    }

    /**
     * The agent id a link target names, or null: a bare id, or a path whose directory is a
     * {@code meta/slaves} directory (Mesos writes the absolute {@code <work_dir>/meta/slaves/<id>},
     * and the work dir may be mounted elsewhere in a container, so only its end is compared).
     */
    static String idOf(Path target) {
        Path name = target.getFileName();
        if (name == null || !isAgentId(name.toString())) {
            return null;
        }
        Path dir = target.getParent();
        if (dir == null) {
            return name.toString();
        }
        int n = dir.getNameCount();
        if (n >= 2 && dir.getName(n - 1).toString().equals("slaves") && dir.getName(n - 2).toString().equals("meta")
                && dir.normalize().equals(dir) && !dir.toString().contains("..")) {
            return name.toString();
        }
        return null;
    }

    /** Whether {@code s} can be an agent id: one plain name, not {@code latest}. */
    public static boolean isAgentId(String s) {
        return s != null && AGENT_ID.matcher(s).matches() && !s.equals(LATEST) && !s.contains("..");
    }
}
