package org.clusterlogs.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The console as a user sees it: what the tests click and read, by the labels and roles a person
 * uses, so that a test breaks when the page stops working, not when its markup changes.
 */
final class ConsolePage {

    /** Long enough for a kill -9 and a new log-service process on a busy 2-core machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebDriver browser;
    private final String url;

    ConsolePage(WebDriver browser, String url) {
        this.browser = browser;
        this.url = url;
    }

    ConsolePage open() {
        browser.get(url + "/");
        return this;
    }

    ConsolePage logIn(String uid, String password) {
        WebElement user = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("uid")));
        user.clear();
        user.sendKeys(uid);
        browser.findElement(By.id("password")).sendKeys(password + "\n");
        return this;
    }

    /** Waits until the workspace shows (the login worked). */
    ConsolePage loggedIn() {
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("query")));
        return this;
    }

    /** Searches and waits for that search's results (the page shows only the latest search's). */
    ConsolePage search(String query) {
        WebElement box = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("query")));
        box.clear();
        box.sendKeys(query + "\n");
        waitFor(d -> query.equals(d.findElement(By.id("tasks")).getAttribute("data-query"))
                || !d.findElement(By.id("search-message")).getText().isEmpty());
        return this;
    }

    /** Clicks the search result's button "Open {title}" and answers its panel. */
    Panel openLog(String title) {
        By button = By.cssSelector("button[aria-label='Open " + title + "']");
        waitFor(ExpectedConditions.elementToBeClickable(button)).click();
        return panel(title);
    }

    /** The number of task results the latest search shows. */
    int taskCount() {
        return browser.findElements(By.cssSelector("#tasks li:not(.note)")).size();
    }

    /** Clicks "Tail all N matches" above the task results and answers the merged panel titled {@code title}. */
    Panel tailAll(String title) {
        waitFor(ExpectedConditions.elementToBeClickable(By.id("tail-all"))).click();
        return panel(title);
    }

    /** Types {@code unit} into the node's component box, Enter, and answers its panel. */
    Panel openComponent(String node, String unit) {
        By box = By.cssSelector("input[aria-label='Component of " + node + "']");
        waitFor(ExpectedConditions.elementToBeClickable(box)).sendKeys(unit + Keys.ENTER);
        return panel(node + " — " + unit);
    }

    /** The open log titled {@code title}. */
    Panel panel(String title) {
        By panel = By.xpath("//article[contains(@class,'tail')][.//h3[normalize-space()='" + title + "']]");
        return new Panel(waitFor(ExpectedConditions.presenceOfElementLocated(panel)));
    }

    String searchMessage() {
        return waitFor(d -> {
            String text = d.findElement(By.id("search-message")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    /** Waits for {@code condition}; on a time-out, the failure says what the page showed (and a screenshot keeps it). */
    <T> T waitFor(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser, PATIENCE).until(condition::apply);
        } catch (TimeoutException e) {
            String shown = browser.findElement(By.tagName("body")).getText();
            try {
                Chromium.screenshot((TakesScreenshot) browser, "timeout-" + System.currentTimeMillis());
            } catch (IOException | RuntimeException ignored) {
                // the text below says enough
            }
            throw new AssertionError("waited in vain; the page showed:\n" + shown, e);
        }
    }

    /** One open log. */
    final class Panel {
        private final WebElement element;

        Panel(WebElement element) {
            this.element = element;
        }

        List<String> lines() {
            return element.findElements(By.cssSelector(".lines li")).stream().map(WebElement::getText).toList();
        }

        /** The log lines alone, without a merged stream's notices. */
        List<String> entries() {
            return element.findElements(By.cssSelector(".lines li:not(.notice)")).stream().map(WebElement::getText).toList();
        }

        /** A merged stream's notices (a task added, ended, lost, rejoined). */
        List<String> notices() {
            return element.findElements(By.cssSelector(".lines li.notice")).stream().map(WebElement::getText).toList();
        }

        /** Waits until the log lines (notices aside) satisfy {@code what}; answers them. */
        List<String> awaitEntries(Predicate<List<String>> what) {
            return awaitList(this::entries, what);
        }

        /** The CSS classes of the prefix of the log line whose text is {@code line}. */
        String prefixClasses(String line) {
            return element.findElements(By.cssSelector(".lines li:not(.notice)")).stream()
                    .filter(li -> li.getText().equals(line)).findFirst().orElseThrow()
                    .findElement(By.cssSelector(".prefix")).getAttribute("class");
        }

        String status() {
            return element.findElement(By.cssSelector(".status")).getText();
        }

        /** Waits until the lines satisfy {@code what}; answers them. */
        List<String> awaitLines(Predicate<List<String>> what) {
            return awaitList(this::lines, what);
        }

        private List<String> awaitList(Supplier<List<String>> read, Predicate<List<String>> what) {
            return waitFor(d -> {
                List<String> list = read.get();
                return what.test(list) ? list : null;
            });
        }

        String awaitStatus(Predicate<String> what) {
            return waitFor(d -> {
                String status = status();
                return what.test(status) ? status : null;
            });
        }

        WebElement button(String text) {
            return element.findElement(By.xpath(".//button[normalize-space()='" + text + "'] | .//a[normalize-space()='" + text + "']"));
        }

        WebElement filter() {
            return element.findElement(By.cssSelector("input.filter"));
        }

        WebElement since() {
            return element.findElement(By.cssSelector("input.since"));
        }

        WebElement grep() {
            return element.findElement(By.cssSelector("input.grep"));
        }

        WebElement element() {
            return element;
        }
    }
}
