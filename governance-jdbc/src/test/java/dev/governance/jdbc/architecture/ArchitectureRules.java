package dev.governance.jdbc.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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

                "the gate gets its collaborators injected: only the assembly looks them up in Governance",
                classes().that().resideInAPackage(root + ".gate..").and().haveSimpleNameNotStartingWith("Governance")
                        .and().doNotHaveSimpleName("SessionOpener")
                        .should(callGovernanceOnlyWhenConstructed(root + ".gate.Governance"))
                        .because("a statement's path (Session, StatementGate, Admission) holds what it uses; it never"
                                + " reaches back through the shared machinery for it"),

                "parts are free of cycles",
                slices().matching(root + ".(*)..").should().beFreeOfCycles()
                        .because("dependencies point one way"));
    }

    /** Calls into Governance from a constructor (taking its parts once) are the assembly; from anywhere else, lookups. */
    private static ArchCondition<JavaClass> callGovernanceOnlyWhenConstructed(String governance) {
        return new ArchCondition<>("call Governance only from a constructor") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaAccess<?> call : type.getAccessesFromSelf()) {
                    if (call.getTargetOwner().getName().equals(governance)
                            && !(call.getOrigin() instanceof JavaConstructor)) {
                        events.add(SimpleConditionEvent.violated(type, call.getDescription()));
                    }
                }
            }
        };
    }

    private static String[] packages(String root, List<String> parts) {
        return parts.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
    }

    private static String[] packagesExcept(String root, String... allowed) {
        List<String> keep = Arrays.asList(allowed);
        return packages(root, ALL.stream().filter(p -> !keep.contains(p)).toList());
    }
}
