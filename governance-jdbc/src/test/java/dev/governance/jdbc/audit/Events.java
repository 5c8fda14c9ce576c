package dev.governance.jdbc.audit;

import java.util.List;

/** Test fixture: plausible events. */
final class Events {
    private Events() {
    }

    static AuditEvent statement(String subject, int n) {
        return AuditEvent.builder(EventType.STATEMENT)
                .connectionId("c-" + subject)
                .identity(new AuditEvent.Who(subject, "agent", List.of("ops"), true, "alice"))
                .environment("production")
                .database("PostgreSQL", "jdbc:postgresql://db/app?user=app&password=hunter2")
                .sql("UPDATE orders SET status = ? WHERE id = ?")
                .fingerprint("fp-" + n)
                .type("UPDATE")
                .tables(List.of("public.orders"), List.of("public.orders"))
                .columns(List.of("public.orders.status"))
                .decision(n % 5 == 0 ? "deny" : "allow", n % 5 == 0 ? List.of("no-drop") : List.of(), "enforce")
                .masked(List.of())
                .rows(n % 5 == 0 ? null : 1L)
                .durationMicros(812L)
                .build();
    }

    static AuditEvent connect(String subject) {
        return AuditEvent.builder(EventType.CONNECT)
                .connectionId("c-" + subject)
                .identity(new AuditEvent.Who(subject, "human", List.of(), false, null))
                .environment("dev")
                .database("H2", "jdbc:h2:mem:x;PASSWORD=secret")
                .build();
    }
}
