package org.clusterlogs.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log console in a real headless Chromium against the four packaged services
 * ({@link LocalCluster}: the task {@code nginx} whose stdout starts as "first\nsecond\n"),
 * through discovery-service's one address. The task's file only grows, and every test compares
 * what a panel shows with the whole file: each line once, in order.
 */
@ExtendWith(Fixtures.class)
class ConsoleTest {

    private static final String STDOUT = "nginx — nginx.1 — stdout";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LocalCluster cluster;
    private static ChromeDriver browser;
    private ConsolePage page;

    @BeforeAll
    static void start(LocalCluster shared, ChromeDriver chromium) {
        cluster = shared;
        browser = chromium;
    }

    /**
     * Every test starts logged out, on a browser as wide as a laptop's. The cookies are deleted
     * on a page of the same origin that is not the console: the console refreshes its session as
     * it loads, and an answer arriving after the deletion would set the cookie again.
     */
    @BeforeEach
    void loggedOut() {
        browser.manage().window().setSize(new Dimension(1280, 860));
        browser.get(cluster.url() + "/service-info");
        browser.manage().deleteAllCookies();
        page = new ConsolePage(browser, cluster.url()).open();
    }

    @Test
    void aUserLogsInOpensTheTaskAndSeesAnAppendedLineLive() throws Exception {
        page.logIn(LocalCluster.ADMIN, cluster.adminPassword()).loggedIn();
        Cookie auth = browser.manage().getCookieNamed("dcos-acs-auth-cookie");
        assertNotNull(auth, "Chromium keeps the Secure cookie on http://127.0.0.1, a secure context");
        assertTrue(auth.isHttpOnly() && auth.isSecure(), auth.toString());

        ConsolePage.Panel panel = page.search("nginx").openLog(STDOUT);
        List<String> shown = panel.awaitLines(lines -> lines.equals(fileLines()));
        assertEquals(List.of("first", "second"), shown.subList(0, 2));

        String live = "live " + UUID.randomUUID();
        cluster.append("stdout", live + "\n");
        panel.awaitLines(lines -> !lines.isEmpty() && lines.get(lines.size() - 1).equals(live));
        panel.awaitStatus(status -> status.startsWith("Live"));
        assertEquals(fileLines(), panel.lines());
    }

    @Test
    void theTailGoesOnAcrossALogServiceRestartWithEveryLineOnce() throws Exception {
        ConsolePage.Panel panel = openStdoutAsAdmin();
        appendAndSee(panel, "before the restart " + UUID.randomUUID());

        cluster.restartLogService();
        appendAndSee(panel, "after the restart " + UUID.randomUUID());
        assertEquals(fileLines(), panel.lines());
    }

    @Test
    void aLostNodeIsSaidAndTheTailResumesWhenItIsBackWithEveryLineOnce() throws Exception {
        ConsolePage.Panel panel = openStdoutAsAdmin();

        cluster.killLogService();
        String written = "written while the node was away " + UUID.randomUUID();
        cluster.append("stdout", written + "\n");
        String lost = panel.awaitStatus(status -> status.contains("cannot be reached"));
        assertTrue(lost.contains("Retrying"), lost);
        Chromium.screenshot(browser, "lost-node");

        cluster.startLogServiceAgain();
        panel.awaitLines(lines -> lines.contains(written));
        appendAndSee(panel, "after the node came back " + UUID.randomUUID());
        assertEquals(fileLines(), panel.lines());
    }

    @Test
    void aTailThatLostItsSessionAsksForALoginAndGoesOnAfterIt() throws Exception {
        ConsolePage.Panel panel = openStdoutAsAdmin();

        browser.manage().deleteCookieNamed("dcos-acs-auth-cookie"); // as when the session ran out
        cluster.restartLogService(); // the stream ends; the browser's reconnect has no token
        String written = "written while logged out " + UUID.randomUUID();
        cluster.append("stdout", written + "\n");
        panel.awaitStatus(status -> status.equals("Your session has ended: log in again."));

        page.logIn(LocalCluster.ADMIN, cluster.adminPassword());
        panel.awaitLines(lines -> lines.contains(written));
        appendAndSee(panel, "after the new login " + UUID.randomUUID());
        assertEquals(fileLines(), panel.lines());
    }

    @Test
    void aUserWithoutThePermissionIsToldWhichOneToAskFor() throws Exception {
        String uid = "reader-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url() + "/acs/api/v1/users/" + uid))
                .header("Authorization", "token=" + cluster.adminToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password + "\",\"description\":\"no grants\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, created.statusCode() / 100, created.body());

        page.logIn(uid, password).loggedIn().search("nginx");
        String message = page.searchMessage();
        assertTrue(message.startsWith("You may not read the cluster's logs: ask an administrator for "
                + "dcos:adminrouter:ops:system-logs full."), message);
        Chromium.screenshot(browser, "forbidden");
    }

    @Test
    void aMissingFileIsANotFoundBesideAWorkingTail() throws Exception {
        page.logIn(LocalCluster.ADMIN, cluster.adminPassword()).loggedIn().search("nginx");
        ConsolePage.Panel stdout = page.openLog(STDOUT);
        ConsolePage.Panel stderr = page.openLog("nginx — nginx.1 — stderr");
        stderr.awaitStatus(s -> s.startsWith("Not found: "));
        stdout.awaitLines(lines -> lines.equals(fileLines()));
        Chromium.screenshot(browser, "tails");
    }

    @Test
    void aNodesComponentOpensFromTheNodeListThroughTheAgentRoute() throws Exception {
        Path log = cluster.componentFile("dcos-demo");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "component line one\ncomponent line two\n");
        page.logIn(LocalCluster.ADMIN, cluster.adminPassword()).loggedIn().search("");
        ConsolePage.Panel panel = page.openComponent("127.0.0.1", "dcos-demo");
        panel.awaitLines(lines -> lines.equals(List.of("component line one", "component line two")));
        Files.writeString(log, "component line three\n", StandardOpenOption.APPEND);
        panel.awaitLines(lines -> lines.equals(List.of("component line one", "component line two", "component line three")));
    }

    @Test
    void theFilterEnterAndEscapeWorkFromTheKeyboard() throws Exception {
        ConsolePage.Panel panel = openStdoutAsAdmin();
        panel.filter().sendKeys("MESSAGE:second" + Keys.ENTER);
        panel.awaitLines(lines -> lines.equals(List.of("second")));

        panel.filter().sendKeys(Keys.ESCAPE);
        page.waitFor(d -> d.findElements(org.openqa.selenium.By.cssSelector("article.tail")).isEmpty());
        assertEquals("query", browser.switchTo().activeElement().getAttribute("id"));
    }

    @Test
    void grepFromThePanelShowsOnlyTheMatchingLinesAndAFileRefusesSince() throws Exception {
        ConsolePage.Panel panel = openStdoutAsAdmin();
        panel.grep().sendKeys("^sec" + Keys.ENTER);
        panel.awaitLines(lines -> lines.equals(List.of("second")));

        panel.since().sendKeys("10m" + Keys.ENTER); // a sandbox file has no time
        String refused = panel.awaitStatus(status -> status.startsWith("The request failed with 400"));
        assertTrue(refused.contains("since"), refused);
    }

    @Test
    void pauseHoldsNewLinesUntilResumeAndTheStartAndTheDownloadAreTheWholeFile() throws Exception {
        ConsolePage.Panel panel = openStdoutAsAdmin();
        panel.button("Pause").click();
        panel.awaitStatus(status -> status.startsWith("Paused"));
        String held = "held while paused " + UUID.randomUUID();
        cluster.append("stdout", held + "\n");
        panel.button("Resume").click();
        panel.awaitLines(lines -> lines.equals(fileLines()));

        panel.button("From the start").click();
        panel.awaitLines(lines -> lines.equals(fileLines()));

        String href = panel.button("Download").getAttribute("href");
        assertTrue(href.endsWith("/system/v1/logs/v2/task/nginx.1/file/stdout/download"), href);
        Object downloaded = ((JavascriptExecutor) browser).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1])", href);
        assertEquals(Files.readString(cluster.taskFile("stdout")), downloaded);
    }

    /**
     * "Tail all N matches": the tasks a search found, on two nodes, as one panel through
     * discovery's merged stream. The tasks get a name of their own, which no other test searches.
     */
    @Test
    void aMergedTailOverTasksOnTwoNodesShowsEachTasksLinesLiveBehindItsLabel() throws Exception {
        String name = "shop-" + UUID.randomUUID().toString().substring(0, 6);
        String first = name + ".0a1b2";
        String second = name + ".9f8e7";
        cluster.addTask(0, name, first);
        cluster.addTask(1, name, second);
        cluster.appendTo(first, "stdout", "already there\n");
        page.logIn(LocalCluster.ADMIN, cluster.adminPassword()).loggedIn();
        page.waitFor(d -> page.search(name).taskCount() == 2); // discovery reads the new state within a second

        ConsolePage.Panel panel = page.tailAll("All 2 matches of \"" + name + "\" — stdout");
        panel.awaitEntries(entries -> entries.equals(List.of(name + "/0a1b2| already there")));
        List<String> notices = panel.notices();
        assertTrue(notices.contains("[added] " + name + "/0a1b2 on node " + LocalCluster.agentId(0)), notices.toString());
        assertTrue(notices.contains("[added] " + name + "/9f8e7 on node " + LocalCluster.agentId(1)), notices.toString());

        cluster.appendTo(second, "stdout", "from the second node\n");
        cluster.appendTo(first, "stdout", "from the first node\n");
        List<String> shown = panel.awaitEntries(entries -> entries.size() == 3);
        assertEquals(List.of(name + "/0a1b2| already there"), shown.subList(0, 1));
        assertEquals(1, Collections.frequency(shown, name + "/9f8e7| from the second node"), shown.toString());
        assertEquals(1, Collections.frequency(shown, name + "/0a1b2| from the first node"), shown.toString());
        panel.awaitStatus(status -> status.startsWith("Live"));

        // a task's colour is the one discovery gives it (Java's String.hashCode of its id, modulo 6)
        assertEquals("prefix src-" + Math.floorMod(first.hashCode(), 6), panel.prefixClasses(name + "/0a1b2| from the first node"));
        assertEquals("prefix src-" + Math.floorMod(second.hashCode(), 6), panel.prefixClasses(name + "/9f8e7| from the second node"));
        Chromium.screenshot(browser, "merged");
    }

    @Test
    void theLayoutFitsA400PixelWideScreen() throws Exception {
        page.logIn(LocalCluster.ADMIN, cluster.adminPassword()).loggedIn().search("nginx").openLog(STDOUT)
                .awaitLines(lines -> lines.equals(fileLines()));
        browser.manage().window().setSize(new Dimension(400, 860));
        long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
        long content = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertTrue(content <= viewport, "nothing sticks out sideways: " + content + " > " + viewport);
        Chromium.screenshot(browser, "narrow");
    }

    @Test
    void theLoginPageIsServedToAnyoneAndEverythingElseStillNeedsAToken() throws Exception {
        Chromium.screenshot(browser, "login");
        for (String open : List.of("/", "/index.html", "/console/main.js", "/console/console.css")) {
            assertEquals(200, get(open).statusCode(), open);
        }
        for (String closed : List.of("/system/v1/tasks", "/system/v1/agents", "/console/../system/v1/agents",
                "/mesos/state")) {
            assertEquals(401, get(closed).statusCode(), closed);
        }
    }

    /**
     * What the console's resume relies on (docs/logging-api.md, Positioning): a follow opened with
     * {@code cursor=c} begins with the entry after the one whose cursor is c, never c itself.
     */
    @Test
    void aFollowFromACursorBeginsRightAfterThatEntry() throws Exception {
        cluster.append("stdout", "one more " + UUID.randomUUID() + "\n");
        String token = "token=" + cluster.adminToken();
        String stdout = cluster.url() + "/system/v1/logs/v2/task/nginx.1/file/stdout";
        HttpClient redirected = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<Stream<String>> lastTwo = redirected.send(HttpRequest.newBuilder(URI.create(stdout + "?cursor=END&skip=-2"))
                .header("Authorization", token).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofLines());
        List<JsonNode> entries = lastTwo.body().map(ConsoleTest::json).toList();
        assertEquals(2, entries.size());

        String cursor = entries.get(0).path("cursor").asText();
        HttpResponse<Stream<String>> follow = redirected.send(HttpRequest.newBuilder(URI.create(stdout + "?cursor=" + cursor))
                .header("Authorization", token).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> events = follow.body()) {
            List<String> firstEvent = events.dropWhile(line -> !line.startsWith("id: ")).limit(2).toList();
            assertEquals("id: " + entries.get(1).path("cursor").asText(), firstEvent.get(0));
            assertEquals(entries.get(1).path("fields").path("MESSAGE").asText(),
                    json(firstEvent.get(1).substring("data: ".length())).path("fields").path("MESSAGE").asText());
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Logs the superuser in, opens the task's stdout and waits until it shows the whole file. */
    private ConsolePage.Panel openStdoutAsAdmin() {
        ConsolePage.Panel panel = page.logIn(LocalCluster.ADMIN, cluster.adminPassword()).loggedIn()
                .search("nginx").openLog(STDOUT);
        panel.awaitLines(lines -> lines.equals(fileLines()));
        return panel;
    }

    private void appendAndSee(ConsolePage.Panel panel, String line) throws Exception {
        cluster.append("stdout", line + "\n");
        panel.awaitLines(lines -> lines.contains(line));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fileLines() {
        try {
            return Files.readAllLines(cluster.taskFile("stdout"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
