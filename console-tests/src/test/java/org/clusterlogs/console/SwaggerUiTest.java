package org.clusterlogs.console;

import org.clusterlogs.testing.process.LocalCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Swagger UI's "Try it out" in Chromium, on discovery-service (the cluster's address), with a
 * token given to "Authorize" under the {@code bearer} scheme and no cookie: the security schemes
 * the OpenAPI document declares are the ones the service takes.
 */
@ExtendWith(Fixtures.class)
class SwaggerUiTest {

    private static LocalCluster cluster;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(LocalCluster shared, ChromeDriver chromium) {
        cluster = shared;
        browser = chromium;
    }

    @Test
    void tryItOutWithAnAuthorizedTokenListsTheTasks() throws Exception {
        ConsolePage ui = new ConsolePage(browser, cluster.url());
        browser.get(cluster.url() + "/q/swagger-ui");
        ui.waitFor(d -> d.findElement(By.cssSelector("button.authorize"))).click();
        WebElement bearer = ui.waitFor(d -> d.findElement(By.xpath(
                "//div[contains(@class,'auth-container')][.//h4[contains(normalize-space(),'bearer')]]")));
        bearer.findElement(By.cssSelector("input")).sendKeys(cluster.adminToken());
        bearer.findElement(By.xpath(".//button[normalize-space()='Authorize']")).click();
        browser.findElement(By.cssSelector("button.btn-done, .modal-ux .close-modal")).click();

        ui.waitFor(d -> d.findElement(By.id("operations-index-searchTasks"))).findElement(By.cssSelector(".opblock-summary")).click();
        ui.waitFor(d -> d.findElement(By.cssSelector("#operations-index-searchTasks .try-out__btn"))).click();
        ui.waitFor(d -> d.findElement(By.cssSelector("#operations-index-searchTasks button.execute"))).click();
        String status = ui.waitFor(d -> {
            var cells = d.findElements(By.cssSelector("#operations-index-searchTasks .live-responses-table tbody .response-col_status"));
            return cells.isEmpty() || cells.get(0).getText().isBlank() ? null : cells.get(0).getText().trim();
        });
        Chromium.screenshot(browser, "swagger-ui");
        assertEquals("200", status);
        String body = browser.findElement(By.cssSelector("#operations-index-searchTasks .live-responses-table tbody .response-col_description")).getText();
        assertTrue(body.contains(LocalCluster.TASK_ID), body);
        assertTrue(browser.manage().getCookies().stream().noneMatch(c -> c.getName().equals("dcos-acs-auth-cookie")),
                "the token came from Authorize, not from a login cookie");
    }
}
