package io.logriver.launcher.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cluster.NimbusConnection;
import io.logriver.launcher.generator.LoadGenerator;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.launcher.testing.Await;
import io.logriver.launcher.testing.TestCluster;
import io.logriver.ui.browser.AttackerSite;
import io.logriver.ui.browser.Browser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.storm.generated.TopologySummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Storm UI of {@code cluster up} in headless Chromium, with a core and a Trident topology fed by the generator
 * and by records whose URL and organisation are markup: home, a topology, another window, a bolt whose figures rise,
 * deactivate and activate (confirming), rebalance and kill (answering the prompt), each checked through Nimbus; the
 * markup shown as text with no script run; a cross-site form post to kill refused. It saves screenshots of the
 * three pages in {@code target/ui-screenshots} ({@code -Dui.screenshots=DIR}: elsewhere, such as docs/ui).
 */
@Tag("dev-cluster") // run one at a time: each fills both cores (launcher/pom.xml)
class UiBrowserIT {
    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=2\">";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<String> TRIDENT = List.of("--mode", "trident", "--name", "logriver-trident",
            "-c", LogriverConfig.TOPIC_STATS + "=weblog-stats-trident", "-c", LogriverConfig.TOPIC_DLQ
                    + "=weblogs-dlq-trident", "-c", LogriverConfig.CONSUMER_GROUP + "=logriver-trident");

    private static TestCluster cluster;
    private static NimbusConnection nimbus;
    private static LoadGenerator generator;
    private static Browser browser;

    @BeforeAll
    static void up() throws Exception {
        cluster = TestCluster.up("it-ui-", 2);
        nimbus = new NimbusConnection(cluster.state.nimbusAddress());
    }

    @AfterAll
    static void down() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (generator != null) {
            generator.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aStormUserWalksThroughBothTopologiesAndActs() throws Exception {
        LogriverConfig c = ConfigLoader.load(null,
                List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + cluster.state.kafka()));
        try (Topics topics = new Topics(c.bootstrapServers())) {
            topics.ensure(c, 1);
        }
        send(c.topics().sessions(), "xss-session", Map.of("sessionID", "xss-session", "userID", IMG, "orgID", IMG,
                "timestamp", Instant.now().toString()));
        String work = cluster.workDir.toString();
        new SubmitCommand().run(List.of("--work-dir", work));
        List<String> trident = new ArrayList<>(TRIDENT);
        trident.addAll(List.of("--work-dir", work));
        new SubmitCommand().run(trident);
        generator = new LoadGenerator(c.bootstrapServers(), c.topics().weblogs(), c.topics().sessions(), 300,
                new RecordGenerator(7, 50));
        generator.start();
        browser = new Browser();
        Path shots = Path.of(System.getProperty("ui.screenshots", "target/ui-screenshots"));

        // home: both topologies; follow the core one
        browser.driver.get(cluster.state.uiUrl());
        cell("topology-summary", "logriver-trident");
        browser.driver.findElement(By.linkText("logriver-core")).click();
        cell("topology-summary", "logriver-core");
        String id = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
        // another window; then a bolt, whose figures rise
        browser.driver.findElement(By.cssSelector("a[data-window='600']")).click();
        browser.waiting(DEADLINE).until(ExpectedConditions.textToBe(By.id("window-hint"), "10m 0s"));
        browser.driver.findElement(By.linkText("partition")).click();
        long first = Await.until("executed figures of the partition bolt", DEADLINE, UiBrowserIT::executed, n -> n > 0);
        sendHostileRecords(c);
        Await.until("the partition bolt's executed figure rising past " + first, DEADLINE, UiBrowserIT::executed,
                n -> n > first);
        browser.screenshot(shots.resolve("component.png"));

        // the topology page: logriver's view shows the markup of the records as text
        String page = cluster.state.uiUrl() + "topology.html?id=" + id;
        Await.until("the record with markup among the slowest URLs", Duration.ofSeconds(90), () -> {
            browser.driver.get(page);
            browser.waiting(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(By.id("slowest-urls")));
            return hasCell("slowest-urls", SCRIPT);
        }, found -> found);
        cell("error-rates", IMG);
        assertNull(browser.driver.executeScript("return window.__xss === undefined ? null : window.__xss"));
        assertEquals(0L, browser.driver.executeScript("return document.querySelectorAll('td img, td script').length"));
        // the charts of the last minutes, from the workers' reports every 10 s: the generator's rate, and latency
        browser.waiting(DEADLINE).until(d -> d.findElements(
                By.cssSelector("#chart-throughput polyline[data-series='perSecond']")).size() >= 1);
        assertTrue(browser.driver.findElements(By.cssSelector("#chart-latency [data-series='p99']")).size() >= 1);
        double rate = latestRate(cluster.state.uiUrl() + "api/logriver/topology/" + id);
        assertTrue(rate > 100 && rate < 1000, "the generator sends 300 requests/s; the chart's latest rate: " + rate);
        browser.screenshot(shots.resolve("topology.png"));

        // deactivate and activate, confirming; each through Nimbus
        act(page, "deactivate", null);
        Await.until("logriver-core INACTIVE on Nimbus", DEADLINE, () -> status("logriver-core"), "INACTIVE"::equals);
        act(page, "activate", null);
        Await.until("logriver-core ACTIVE on Nimbus", DEADLINE, () -> status("logriver-core"), "ACTIVE"::equals);
        act(page, "rebalance", "3");
        Await.until("logriver-core REBALANCING on Nimbus", DEADLINE, () -> status("logriver-core"),
                "REBALANCING"::equals);
        Await.until("logriver-core ACTIVE after its rebalance", DEADLINE, () -> status("logriver-core"),
                "ACTIVE"::equals);

        // a page of another site posts a kill: refused, the topology runs on
        try (AttackerSite evil = AttackerSite.posting(cluster.state.uiUrl() + "api/v1/topology/" + id + "/kill/0")) {
            browser.driver.get(evil.url());
            browser.waiting(DEADLINE).until(d -> d.getPageSource().contains("403 Forbidden"));
        }
        assertEquals("ACTIVE", status("logriver-core"));

        // Trident's components under readable names; the home page with both side by side
        browser.driver.get(cluster.state.uiUrl());
        cell("topology-summary", "logriver-core");
        browser.driver.findElement(By.linkText("logriver-trident")).click();
        browser.waiting(DEADLINE).until(d -> d.findElement(By.id("spout-stats")).getText()
                .contains("Trident master batch coordinator (bg0)"));
        browser.driver.get(cluster.state.uiUrl());
        browser.waiting(DEADLINE).until(d -> d.findElements(By.cssSelector("#logriver table.accounting")).size() == 2);
        browser.screenshot(shots.resolve("home.png"));

        // kill from the page
        act(page, "kill", "0");
        Await.until("logriver-core gone from Nimbus", DEADLINE, () -> nimbus.topology("logriver-core").isEmpty(),
                gone -> gone);
        assertTrue(nimbus.topology("logriver-trident").isPresent());
    }

    /**
     * Opens the topology {@code page}, clicks an action's button once the page has wired it, and accepts its
     * confirmation, or answers its prompt with {@code answer}.
     */
    /** The latest records-per-second figure of the view's timeline (the throughput chart's last point). */
    private static double latestRate(String viewUrl) throws Exception {
        JsonNode timeline = JSON.readTree(URI.create(viewUrl).toURL()).path("timeline");
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).path("perSecond").isNumber()) {
                return timeline.get(i).path("perSecond").asDouble();
            }
        }
        return Double.NaN;
    }

    private static void act(String page, String action, String answer) {
        browser.driver.get(page);
        browser.waiting(DEADLINE).until(ExpectedConditions.elementToBeClickable(By.id(action))).click();
        Alert dialog = browser.dialog();
        assertTrue(dialog.getText().startsWith("Do you really want to " + action + " topology \"logriver-core\"?"),
                dialog.getText());
        if (answer != null) {
            dialog.sendKeys(answer);
        }
        dialog.accept();
    }

    private static String status(String name) throws Exception {
        return nimbus.topology(name).map(TopologySummary::get_status).orElse("GONE");
    }

    /** The component page's executed figure in the window shown, read from the page after a reload. */
    private static long executed() {
        browser.driver.navigate().refresh();
        WebElement table = browser.waiting(DEADLINE).until(
                ExpectedConditions.presenceOfElementLocated(By.id("component-stats")));
        List<WebElement> headers = table.findElements(By.cssSelector("thead th"));
        int column = headers.stream().map(WebElement::getText).toList().indexOf("Executed");
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.size() > column && cells.get(0).getText().equals("10m 0s")) {
                return Long.parseLong(cells.get(column).getText().replace(",", ""));
            }
        }
        return 0;
    }

    private static WebElement cell(String tableId, String text) {
        return browser.waiting(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='" + tableId + "']//td[normalize-space(.)='" + text + "']")));
    }

    private static boolean hasCell(String tableId, String text) {
        return browser.driver.findElements(By.id(tableId)).stream().flatMap(t -> t.findElements(By.tagName("td"))
                .stream()).anyMatch(td -> td.getText().equals(text));
    }

    /** A slow failing request of the markup session, now, and a record no parser takes, with markup in it. */
    private static void sendHostileRecords(LogriverConfig c) throws Exception {
        for (int i = 0; i < 3; i++) {
            send(c.topics().weblogs(), null, Map.of("timestamp", Instant.now().toString(), "webURL", SCRIPT,
                    "sessionID", "xss-session", "durationMillis", "99999", "level", "ERROR"));
            Thread.sleep(300);
        }
        send(c.topics().weblogs(), null, "{\"webURL\": " + SCRIPT + IMG + "}");
    }

    /** A record: {@code value} as it is when text, else as JSON. */
    private static void send(String topic, String key, Object value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.state.kafka());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            String text = value instanceof String v ? v : JSON.writeValueAsString(value);
            producer.send(new ProducerRecord<>(topic, key, text)).get();
        }
    }
}
