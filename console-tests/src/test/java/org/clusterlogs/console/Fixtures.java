package org.clusterlogs.console;

import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a test class of this module takes as parameters of its {@code @BeforeAll}: the
 * {@link LocalCluster}, one for the whole run (its JVMs are slow to start on a shared machine)
 * and closed when it ends, with {@value #NODES} nodes so that a merged tail reads tasks on two
 * log-services, and a {@link ChromeDriver}, one per class and quit after it. Tests that
 * change the cluster leave it as a user would find it: the node's log-service running, the
 * task's file only grown.
 */
final class Fixtures implements ParameterResolver {

    static final int NODES = 2;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Fixtures.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCluster.class || type == ChromeDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == LocalCluster.class) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Cluster.class, key -> Cluster.start(), Cluster.class).cluster();
        }
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Browser.class, key -> new Browser(Chromium.start(1280, 860)), Browser.class).driver();
    }

    private record Cluster(LocalCluster cluster) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static Cluster start() {
            try {
                Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "cluster-");
                return new Cluster(LocalCluster.start(work, NODES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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

    private record Browser(ChromeDriver driver) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            driver.quit();
        }
    }
}
