import org.clusterlogs.logs.source.FieldFilter;
import org.clusterlogs.logs.source.Position;
import org.clusterlogs.logs.source.file.LineFileSource;
import org.clusterlogs.logs.source.root.LogRoot;
import org.clusterlogs.logs.source.root.RootedPath;

import java.nio.file.Path;
import java.util.TreeMap;

/**
 * The server-side cost of positioning a "last 1000 lines" text answer, without HTTP: what a
 * request does on a read thread before the bytes go out with sendfile. Usage (see positioning.sh):
 * PositioningBench ROOT RELATIVE_FILE [REQUESTS]
 */
public final class PositioningBench {

    public static void main(String[] args) throws Exception {
        LogRoot root = new LogRoot(Path.of(args[0]), () -> { });
        RootedPath file = new RootedPath(root, Path.of(args[1]));
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                LineFileSource s = new LineFileSource(file, new TreeMap<>(), FieldFilter.none(), 1 << 20);
                Position p = s.back(s.tail(), 1000);
                s.unchangedText(p).orElseThrow().close();
                s.close();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                root.openFile(Path.of(args[1])).close();
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: positioning %.1f us per request, of which one open through the root %.1f us%n",
                    round, (t1 - t0) / 1e3 / requests, (t2 - t1) / 1e3 / requests);
        }
    }
}
