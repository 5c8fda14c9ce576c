package dev.governance.jdbc.console;

import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.JdbcApprovalStore;
import dev.governance.jdbc.identity.IdentityKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser (Debian's Chromium through Selenium) over a real PostgreSQL: a dba signs in, an
 * agent's waiting DELETE appears without a reload with the count its WHERE matches, the dba approves and the agent's
 * statement completes; a non-approver is refused; the audit view filters to the agent's refusals; an agent's
 * {@code <script>} is shown as text. Each page is saved as a screenshot under target/screenshots.
 */
class ConsoleBrowserTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    ConsoleFixture console;
    ChromeDriver browser;
    String table;
    String agent;

    @BeforeEach
    void start() throws Exception {
        Required.postgres();
        Required.chromium();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        table = "console_orders_" + suffix;
        agent = "billing-agent-" + suffix;
        try (Connection raw = DriverManager.getConnection(Required.POSTGRES_URL); Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, note TEXT)");
            s.execute("INSERT INTO " + table + " VALUES (1,'void',''),(2,'paid',''),(3,'void',''),(4,'void',''),(5,'paid','')");
        }
        Path dir = ConsoleFixture.newDirectory();
        console = new ConsoleFixture(dir, ConsoleFixture.POLICY).start(List.of(Required.POSTGRES_URL));
        browser = Browser.open(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() throws SQLException {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
        if (table != null) {
            try (Connection raw = DriverManager.getConnection(Required.POSTGRES_URL); Statement s = raw.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private void signIn(String token) {
        browser.get(console.base() + "/approvals");
        WebElement form = browser.findElement(By.id("signin"));
        form.findElement(By.name("token")).sendKeys(token);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        try {
            new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id("pending")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not signed in; the page: " + browser.getPageSource() + "\nconsole log: "
                    + console.log, e);
        }
    }

    private void signOut() {
        browser.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id("signin")));
    }

    private long count(String where) throws SQLException {
        try (Connection raw = DriverManager.getConnection(Required.POSTGRES_URL); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDbaApprovesAnAgentsWaitingDeleteSeenLiveWithItsImpact() throws Exception {
        browser.get(console.base() + "/approvals");
        assertTrue(browser.findElement(By.id("why")).getText().contains("sign in"), "no page before signing in");
        Browser.screenshot(browser, "01-sign-in");
        signIn(console.token("dora", IdentityKind.HUMAN, List.of("dba")));
        assertTrue(browser.findElement(By.id("who")).getText().contains("dora"));
        browser.executeScript("window.consoleTestMarker = 'same page';");

        String delete = "DELETE FROM " + table + " WHERE status = 'void'";
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try (Connection c = console.connectAgent(Required.POSTGRES_URL, agent, "wait");
                 Statement s = c.createStatement()) {
                c.setClientInfo("governance.reason", "remove voided orders before the month-end export");
                return s.executeUpdate(delete);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        WebElement card = new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//article[contains(@class,'request')][.//pre[contains(., \"status = 'void'\")]]")));
        assertEquals("same page", browser.executeScript("return window.consoleTestMarker;"),
                "the request arrived without a reload");
        assertEquals("3 rows match", card.findElement(By.cssSelector(".impact .headline")).getText());
        assertTrue(card.findElement(By.cssSelector(".requester")).getText().contains(agent));
        assertTrue(card.findElement(By.cssSelector(".reason")).getText().contains("month-end export"));
        assertEquals("agent-writes-reviewed", card.findElement(By.cssSelector(".rule")).getText());
        assertEquals("production", card.findElement(By.cssSelector(".environment")).getText());
        assertTrue(card.findElement(By.cssSelector(".database")).getText().contains("jdbc:postgresql://127.0.0.1:5432/test"));
        assertFalse(waiting.isDone(), "the agent waits for the decision");
        Browser.screenshot(browser, "02-pending-with-impact");

        card.findElement(By.name("comment")).sendKeys("3 voided orders, as expected");
        card.findElement(By.cssSelector("button.approve")).click();
        WebElement flash = new WebDriverWait(browser, PATIENCE).until(
                ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertTrue(flash.getText().contains("approved by dora"), flash.getText());

        assertEquals(3, waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the agent's statement completed");
        assertEquals(0, count("status = 'void'"));
        assertEquals(2, count("status = 'paid'"));
        Browser.screenshot(browser, "03-approved");
    }

    /** Refused (42501) by the fixture policy's agent-no-drop rule, not failed some other way. */
    private static void assertDropRefused(org.junit.jupiter.api.function.Executable drop) {
        SQLException refused = assertThrows(SQLException.class, drop);
        assertEquals("42501", refused.getSQLState(), refused::toString);
        assertEquals(List.of("agent-no-drop"), ((dev.governance.jdbc.PolicyViolationException) refused).ruleIds());
    }

    @Test
    void aNonApproverIsRefusedScriptIsTextAndTheAuditViewShowsTheAgentsRefusals() throws Exception {
        String update = "UPDATE " + table + " SET note = '<script>document.title=\"pwned\"</script>' WHERE status = 'paid'";
        String id;
        try (Connection c = console.connectAgent(Required.POSTGRES_URL, agent, "fail"); Statement s = c.createStatement()) {
            id = assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(update)).requestId();
            assertDropRefused(() -> s.execute("DROP TABLE " + table));
            assertDropRefused(() -> s.execute("TRUNCATE " + table));
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
            }
        }
        try (Connection c = console.connectAgent(Required.POSTGRES_URL, "other-agent-" + table, "fail");
             Statement s = c.createStatement()) {
            assertDropRefused(() -> s.execute("DROP TABLE " + table));
        }

        signIn(console.token("sam", IdentityKind.HUMAN, List.of("security")));
        String title = browser.getTitle();
        WebElement card = browser.findElement(By.id("req-" + id));
        String shown = card.findElement(By.cssSelector("pre.sql")).getText();
        assertTrue(shown.contains("<script>document.title=\"pwned\"</script>"), shown);
        assertTrue(card.findElements(By.tagName("script")).isEmpty(), "the agent's SQL is text, not markup");
        assertEquals(title, browser.getTitle(), "nothing of it ran");
        assertTrue(card.findElement(By.cssSelector(".note")).getText().contains("not in an approver group"));
        assertEquals("2 rows match", card.findElement(By.cssSelector(".impact .headline")).getText());
        Browser.screenshot(browser, "04-script-shown-as-text");

        card.findElement(By.cssSelector("button.approve")).click();
        WebElement refused = new WebDriverWait(browser, PATIENCE).until(
                ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        assertTrue(refused.getText().contains("sam is not an approver"), refused.getText());
        assertEquals(ApprovalStatus.PENDING, new JdbcApprovalStore(console.store).find(id).orElseThrow().status());
        assertEquals(0, count("note <> ''"), "nothing was changed");
        Browser.screenshot(browser, "05-non-approver-refused");

        browser.findElement(By.linkText("Audit trail")).click();
        WebElement filters = new WebDriverWait(browser, PATIENCE).until(
                ExpectedConditions.presenceOfElementLocated(By.id("filters")));
        filters.findElement(By.name("subject")).sendKeys(agent);
        filters.findElement(By.name("decision")).sendKeys("deny");
        filters.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.urlContains("decision=deny"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#timeline tbody tr"));
        assertEquals(2, rows.size(), "the agent's two refusals, nobody else's");
        for (WebElement row : rows) {
            assertEquals(agent, row.getAttribute("data-subject"));
            assertTrue(row.getAttribute("class").contains("refused"));
            assertTrue(row.findElement(By.cssSelector(".decision")).getText().contains("agent-no-drop"));
        }
        String statements = browser.findElement(By.id("timeline")).getText();
        assertTrue(statements.contains("DROP TABLE " + table) && statements.contains("TRUNCATE " + table), statements);
        assertTrue(browser.findElement(By.id("chain-state")).getText().startsWith("Chain intact"));
        Browser.screenshot(browser, "06-audit-filtered-to-one-agent");

        browser.findElement(By.linkText("Identities")).click();
        WebElement summary = new WebDriverWait(browser, PATIENCE).until(
                ExpectedConditions.presenceOfElementLocated(By.id("identities")));
        WebElement agentRow = summary.findElement(By.xpath(".//tr[td/a[text()='" + agent + "']]"));
        assertEquals("2", agentRow.findElements(By.tagName("td")).get(3).getText(), "refusals");
        Browser.screenshot(browser, "07-identities");

        browser.findElement(By.linkText("Chain")).click();
        WebElement chain = new WebDriverWait(browser, PATIENCE).until(
                ExpectedConditions.presenceOfElementLocated(By.id("chain")));
        assertFalse(chain.findElements(By.cssSelector("tr.intact")).isEmpty());
        assertTrue(chain.findElements(By.cssSelector("tr.broken")).isEmpty(), chain.getText());
        Browser.screenshot(browser, "08-chain");
        signOut();
    }
}
