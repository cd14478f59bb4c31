package org.clusterlogs.console;

import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@link LocalCluster} for every test class of the module (four JVMs are slow to start on a
 * shared machine), given to any test method or {@code @BeforeAll} that takes a
 * {@code LocalCluster}, and closed when the test run ends. Tests that change the cluster leave it
 * as a user would find it: the node's log-service running, the task's file only grown.
 */
final class SharedCluster implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return of(context);
    }

    private static LocalCluster of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Resource.class, key -> Resource.start(), Resource.class).cluster();
    }

    private record Resource(LocalCluster cluster) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static Resource start() {
            try {
                Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "cluster-");
                return new Resource(LocalCluster.start(work));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
