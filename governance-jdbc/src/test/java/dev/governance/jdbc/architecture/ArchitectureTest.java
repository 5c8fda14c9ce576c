package dev.governance.jdbc.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The dependency rules of docs/architecture.md hold for the driver, and each can fail (the fixture breaks it). */
class ArchitectureTest {
    private static final String DRIVER = "dev.governance.jdbc";
    private static final String FIXTURE = "dev.governance.archfixture";

    private static JavaClasses driver;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        driver = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(DRIVER);
        fixture = new ClassFileImporter().importPackages(FIXTURE);
        assertTrue(driver.size() > 200, "the driver's classes were imported: " + driver.size());
    }

    @TestFactory
    Stream<DynamicTest> theDriverKeepsEveryRule() {
        return ArchitectureRules.forRoot(DRIVER).entrySet().stream().map(rule -> DynamicTest.dynamicTest(
                rule.getKey(), () -> rule.getValue().check(driver)));
    }

    /** Negative control: a rule that can't fail proves nothing. */
    @TestFactory
    Stream<DynamicTest> everyRuleNoticesTheFixtureBreakingIt() {
        return ArchitectureRules.forRoot(FIXTURE).entrySet().stream().map(rule -> DynamicTest.dynamicTest(
                rule.getKey(), () -> {
                    EvaluationResult result = rule.getValue().evaluate(fixture);
                    assertTrue(result.hasViolation(), "the rule '" + rule.getKey() + "' missed the fixture's violation");
                }));
    }

    /** The two rule sets are the same rules: a rule added for the driver must be broken by the fixture too. */
    @TestFactory
    Stream<DynamicTest> bothRuleSetsNameTheSameRules() {
        Map<String, ArchRule> forDriver = ArchitectureRules.forRoot(DRIVER);
        Map<String, ArchRule> forFixture = ArchitectureRules.forRoot(FIXTURE);
        return Stream.of(DynamicTest.dynamicTest("same names",
                () -> assertTrue(forDriver.keySet().equals(forFixture.keySet()))));
    }
}
