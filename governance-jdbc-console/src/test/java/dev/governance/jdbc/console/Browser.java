package dev.governance.jdbc.console;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Debian's Chromium driven through its chromedriver (both paths given, so Selenium never downloads anything),
 * headless, as root: no sandbox, a fresh profile, and no background networking (which would otherwise flood the
 * machine with refused connections).
 */
final class Browser {
    private Browser() {
    }

    static ChromeDriver open(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Required.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Required.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves a screenshot of the page as {@code target/screenshots/NAME.png} (a test artifact). */
    static Path screenshot(ChromeDriver browser, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("console.screenshots", "target/screenshots")));
        Path file = dir.resolve(name + ".png");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
