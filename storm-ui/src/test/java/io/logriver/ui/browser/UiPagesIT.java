package io.logriver.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.ui.FakeNimbus;
import io.logriver.ui.server.LogriverView;
import io.logriver.ui.server.UiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages in a real browser against a fake Nimbus whose topologies, errors and records carry markup: every value is
 * shown as text and no script of theirs runs; the actions ask first, then reach Nimbus; a page of another origin
 * cannot kill a topology. (UiBrowserIT does the same against the dev cluster.)
 */
class UiPagesIT {
    /** Markup that sets a global when it runs: a page that ran it has {@code window.__xss}. */
    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=2\">";

    /** Where the screenshots of the three pages go ({@code -Dui.screenshots=DIR}). */
    private static final Path SHOTS = Path.of(System.getProperty("ui.screenshots", "target/ui-screenshots"));
    private static final FakeNimbus NIMBUS = new FakeNimbus();
    private static final AtomicLong SAMPLES = new AtomicLong();
    private static UiServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = UiServer.start("127.0.0.1", 0, NIMBUS, List.of(), new LogriverView() {
            @Override
            public Map<String, Object> topology(String id, String name, Map<String, Object> conf) {
                return Map.of(
                        "accounting", Map.of("read", 10, "aggregated", 7, "filtered", 1, "invalid", 1, "late", 1,
                                "balanced", true, "identity", "10 = 7 + 1 + 1 + 1 ✓"),
                        "slowestUrls", List.of(Map.of("windowStart", "2026-12-06T10:00:00Z", "orgID", IMG,
                                "webURL", SCRIPT, "count", 1, "p99", 60000, "max", 60000)),
                        "errorRates", List.of(Map.of("orgID", IMG, "count", 1, "errors", 1, "rate", "100.00 %")),
                        "deadLetters", List.of(Map.of("reason", "invalid-json", "count", 1, "example", SCRIPT + IMG)));
            }

            @Override
            public Sample sample(String id, String name) {
                long n = SAMPLES.incrementAndGet();
                return new Sample(System.currentTimeMillis(), 5000 * n, 1.0 + n % 3, 4.0 + n % 5, 9.0 + n % 7);
            }
        });
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebElement cell(String tableId, String text) {
        return browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='" + tableId + "']//td[normalize-space(.)=" + literal(text) + "]")));
    }

    private static String literal(String s) {
        return s.contains("'") ? "concat('" + s.replace("'", "',\"'\",'") + "')" : "'" + s + "'";
    }

    private static void assertNoMarkupRan() {
        assertNull(browser.driver.executeScript("return window.__xss === undefined ? null : window.__xss"));
        assertEquals(0L, browser.driver.executeScript(
                "return document.querySelectorAll('td img, td script, .readable img').length"));
    }

    @Test
    void homeTopologyWindowComponentAndActions() throws Exception {
        browser.driver.get(server.url());
        cell("topology-summary", FakeNimbus.CORE);
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#logriver table.accounting"))
                .size() == 2);
        browser.screenshot(SHOTS.resolve("home.png"));
        browser.driver.findElement(By.linkText("logriver-core")).click();
        cell("topology-summary", "logriver-core");

        browser.driver.findElement(By.cssSelector("a[data-window='600']")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("window-hint"), "10m 0s"));
        assertTrue(browser.driver.getCurrentUrl().contains("window=600"));

        cell("slowest-urls", SCRIPT);
        cell("error-rates", IMG);
        cell("dead-letters", SCRIPT + IMG);
        assertTrue(cell("bolt-stats", FakeNimbus.HOSTILE_ERROR).isDisplayed());
        assertNoMarkupRan();
        // the charts of the last minutes: a line once two samples are in (every 5 s), redrawn while the page is open
        browser.waiting(Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("#chart-throughput polyline[data-series='perSecond']")).size() == 1);
        for (String p : List.of("p50", "p99", "p999")) {
            assertEquals(1, browser.driver.findElements(
                    By.cssSelector("#chart-latency polyline[data-series='" + p + "']")).size(), p);
        }
        browser.screenshot(SHOTS.resolve("topology.png"));

        browser.driver.findElement(By.id("deactivate")).click();
        Alert confirm = browser.dialog();
        assertEquals("Do you really want to deactivate topology \"logriver-core\"?", confirm.getText());
        confirm.accept();
        browser.waiting(Duration.ofSeconds(10)).until(d -> NIMBUS.actions.contains("deactivate logriver-core"));

        browser.driver.get(server.url() + "topology.html?id=" + FakeNimbus.CORE);
        cell("topology-summary", "logriver-core");
        browser.driver.findElement(By.id("kill")).click();
        browser.dialog().dismiss();
        browser.driver.findElement(By.id("rebalance")).click();
        Alert prompt = browser.dialog();
        assertTrue(prompt.getText().contains("rebalance topology \"logriver-core\"? If yes"), prompt.getText());
        prompt.sendKeys("0");
        prompt.accept();
        browser.waiting(Duration.ofSeconds(10)).until(d -> NIMBUS.actions.contains("rebalance logriver-core 0 0"));
        assertTrue(NIMBUS.actions.stream().noneMatch(a -> a.startsWith("kill")), NIMBUS.actions.toString());

        browser.driver.get(server.url() + "component.html?topology=" + FakeNimbus.TRIDENT
                + "&id=b-0-parse-filter-join");
        cell("component-summary", "bolt");
        assertTrue(browser.driver.findElement(By.id("component-summary")).getText()
                .contains("Trident bolt 0: parse-filter-join"));
        cell("component-errors", FakeNimbus.HOSTILE_ERROR);
        cell("input-stats", "kafka-weblogs");
        assertNoMarkupRan();
        browser.screenshot(SHOTS.resolve("component.png"));
    }

    @Test
    void aPageOfAnotherOriginCannotKill() throws Exception {
        String post = "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST'}).then(r => done(r.status), e => done('' + e));";
        String base = server.url() + "api/v1/topology/" + FakeNimbus.TRIDENT;
        // the request from the UI's own origin goes through: the one below is refused for its origin alone
        browser.driver.get(server.url());
        assertEquals(200L, browser.driver.executeAsyncScript(post, base + "/activate"));
        assertTrue(NIMBUS.actions.contains("activate logriver-trident"), NIMBUS.actions.toString());
        // a page of another site posts a form to kill, as a cross-site request forgery would
        try (AttackerSite evil = AttackerSite.posting(base + "/kill/0")) {
            browser.driver.get(evil.url());
            browser.waiting(Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("403 Forbidden"));
        }
        assertTrue(NIMBUS.actions.stream().noneMatch(a -> a.startsWith("kill")), NIMBUS.actions.toString());
    }

    @Test
    void nimbusDownIsSaidOnThePage() {
        NIMBUS.down = true;
        try {
            browser.driver.get(server.url());
            WebElement error = browser.waiting(Duration.ofSeconds(10)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertTrue(error.getText().startsWith("Nimbus is unreachable: "), error.getText());
        } finally {
            NIMBUS.down = false;
        }
    }
}
