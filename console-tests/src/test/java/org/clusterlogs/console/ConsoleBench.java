package org.clusterlogs.console;

import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark, not a test (run by {@code bench/console.sh}, skipped otherwise; it asserts no
 * time): the console's first view of a task, the last 1000 lines, from the click on "Open" to
 * the mark the page sets once the lines are in the document, in Chromium's own clock
 * ({@code performance.now()}). Baselines in the same page and run: the same 1000 lines as the
 * file's raw bytes ({@code /download}, through the same redirect and proxy) and a static file of
 * the same server, each fetched and put into the document the same way. Runs alternate.
 */
@EnabledIfSystemProperty(named = "console.bench", matches = "true")
@ExtendWith(Fixtures.class)
class ConsoleBench {

    private static final int LINES = 1000;
    private static final int RUNS = Integer.getInteger("console.bench.runs", 30);
    private static final String STDOUT = "nginx — nginx.1 — stdout";

    /** Opens the panel and answers the milliseconds from the click to the page's "rendered" mark. */
    private static final String OPEN = """
            const [title, done] = arguments;
            performance.clearMarks();
            const observer = new PerformanceObserver(list => {
                const mark = list.getEntries().find(e => e.name.endsWith(':rendered'));
                if (mark) { observer.disconnect(); done(mark.startTime - start); }
            });
            observer.observe({type: 'mark'});
            const button = document.querySelector(`button[aria-label="Open ${title}"]`);
            const start = performance.now();
            button.click();
            """;
    /** Fetches a text file and puts one list item per line into the document, as the panel does. */
    private static final String BASELINE = """
            const [url, done] = arguments;
            const start = performance.now();
            fetch(url).then(r => r.text()).then(text => {
                const list = document.createElement('ol');
                const fragment = document.createDocumentFragment();
                for (const line of text.split('\\n')) {
                    if (line.length === 0) continue;
                    const item = document.createElement('li');
                    item.textContent = line;
                    fragment.appendChild(item);
                }
                list.appendChild(fragment);
                document.body.appendChild(list);
                const took = performance.now() - start;
                list.remove();
                done(took);
            });
            """;

    private static LocalCluster cluster;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(LocalCluster shared, ChromeDriver chromium) throws Exception {
        cluster = shared;
        browser = chromium;
        StringBuilder lines = new StringBuilder();
        for (int i = Files.readAllLines(cluster.taskFile("stdout")).size(); i < LINES; i++) {
            lines.append(String.format(Locale.ROOT, "127.0.0.1 - - [30/Nov/2026:07:%02d:%02d +0000] \"GET /item/%d HTTP/1.1\" "
                    + "200 %d \"-\" \"curl/7.88.1\"%n", i / 60 % 60, i % 60, i, 512 + i));
        }
        cluster.append("stdout", lines.toString());
    }

    @Test
    void firstViewOfTheLast1000Lines() throws Exception {
        ConsolePage page = new ConsolePage(browser, cluster.url()).open();
        page.logIn(LocalCluster.ADMIN, cluster.adminPassword()).loggedIn();
        browser.findElement(By.id("lines")).clear();
        browser.findElement(By.id("lines")).sendKeys(Integer.toString(LINES));
        page.search("nginx");
        String download = cluster.url() + "/system/v1/logs/v2/task/nginx.1/file/stdout/download";
        String asset = cluster.url() + "/console/tail.js";

        List<Double> console = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> file = new ArrayList<>();
        for (int run = -5; run < RUNS; run++) { // five warm-up rounds
            double opened = ms(browser.executeAsyncScript(OPEN, STDOUT));
            int shown = browser.findElements(By.cssSelector("article.tail .lines li")).size();
            if (shown != LINES) {
                throw new IllegalStateException("the panel shows " + shown + " lines, not " + LINES);
            }
            browser.findElement(By.cssSelector("article.tail .close")).click();
            double downloaded = ms(browser.executeAsyncScript(BASELINE, download));
            double fetched = ms(browser.executeAsyncScript(BASELINE, asset));
            if (run >= 0) {
                console.add(opened);
                raw.add(downloaded);
                file.add(fetched);
            }
        }
        String table = """
                | first view, %d lines, Chromium, %d runs | median ms | p90 ms | ratio to the download |
                |---|---|---|---|
                | console: click → last %d lines rendered (NDJSON `cursor=END&skip=-%d`, then the follow opens) | %.1f | %.1f | %.2f |
                | baseline: the same lines' raw bytes (`/download`, same redirect and proxy) into the document | %.1f | %.1f | 1.00 |
                | baseline: a static file of discovery (`/console/tail.js`, %d lines) into the document | %.1f | %.1f | %.2f |
                """.formatted(LINES, RUNS, LINES, LINES,
                median(console), p90(console), median(console) / median(raw),
                median(raw), p90(raw),
                Files.readAllLines(Path.of("../discovery-service/src/main/resources/META-INF/resources/console/tail.js")).size(),
                median(file), p90(file), median(file) / median(raw));
        System.out.println(table);
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("console-bench.md"), table);
    }

    private static double ms(Object value) {
        return ((Number) value).doubleValue();
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double p90(List<Double> values) {
        return percentile(values, 0.9);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
