package dev.governance.jdbc.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The package dependency rules of docs/architecture.md, written for any root package so that the same rules run
 * against the driver ({@code dev.governance.jdbc}) and against a miniature that breaks each of them.
 *
 * <pre>
 *   public face -> wrapper -> gate -> sql, policy, masking, audit, approval, identity -> config
 * </pre>
 */
final class ArchitectureRules {
    /** The parts behind the gate, in no particular order. */
    private static final List<String> INNER =
            List.of("config", "identity", "sql", "policy", "masking", "audit", "approval", "gate");
    private static final List<String> ALL = List.of("config", "identity", "sql", "policy", "masking", "audit",
            "approval", "gate", "wrapper", "cli");

    private ArchitectureRules() {
    }

    /** Each rule by name; every one must hold for the driver and be broken by the fixture. */
    static Map<String, ArchRule> forRoot(String root) {
        return Map.of(
                "inner parts never use the wrappers or the command line",
                noClasses().that().resideInAnyPackage(packages(root, INNER))
                        .should().dependOnClassesThat().resideInAnyPackage(packages(root, List.of("wrapper", "cli")))
                        .because("the wrappers and the CLI sit on top; nothing below may know them"),

                "config depends on no other part",
                noClasses().that().resideInAPackage(root + ".config..")
                        .should().dependOnClassesThat().resideInAnyPackage(packagesExcept(root, "config"))
                        .because("settings are read first, before anything they configure exists"),

                "sql depends on no other part",
                noClasses().that().resideInAPackage(root + ".sql..")
                        .should().dependOnClassesThat().resideInAnyPackage(packagesExcept(root, "sql"))
                        .because("the analysis of a text depends on the text and the dialect only"),

                "identity depends on config only",
                noClasses().that().resideInAPackage(root + ".identity..")
                        .should().dependOnClassesThat().resideInAnyPackage(packagesExcept(root, "identity", "config"))
                        .because("who connects is decided before any statement machinery is involved"),

                "wrappers reach the inner parts only through the gate's session",
                noClasses().that().resideInAPackage(root + ".wrapper..")
                        .should().dependOnClassesThat(resideInAnyPackage(packages(root, List.of("sql", "config")))
                                // the public face returns a policy Decision (GovernedConnection.decide); nothing else
                                .or(resideInAPackage(root + ".policy..").and(not(simpleName("Decision")))))
                        .orShould().dependOnClassesThat().haveFullyQualifiedName(root + ".gate.Governance")
                        .because("wrappers translate JDBC calls into calls on one per-connection facade and decide nothing"),

                "parts are free of cycles",
                slices().matching(root + ".(*)..").should().beFreeOfCycles()
                        .because("dependencies point one way"));
    }

    private static String[] packages(String root, List<String> parts) {
        return parts.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
    }

    private static String[] packagesExcept(String root, String... allowed) {
        List<String> keep = Arrays.asList(allowed);
        return packages(root, ALL.stream().filter(p -> !keep.contains(p)).toList());
    }
}
