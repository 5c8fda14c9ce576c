package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.SessionRestore;
import dev.governance.jdbc.sql.StatementFacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tools put a session back the way they found it: Flyway ends with {@code SET ROLE '<the role it started as>'}
 * on PostgreSQL and {@code SET foreign_key_checks = ?, sql_safe_updates = ?} with the values it read on MySQL and
 * MariaDB. Switching roles and changing those settings is refused to agents — but a statement that sets exactly
 * what is already in effect changes nothing, so it is let through. Asked only for statements the policy would
 * refuse; the database is asked for the values in effect (one query, never for ordinary statements).
 */
final class SessionRestores {
    static final String RULE = "session-restore";
    private static final Set<Hazard> SESSION_HAZARDS = Set.of(Hazard.IDENTITY_SWITCH, Hazard.SYSTEM_CONFIGURATION);
    private static final List<Object> UNKNOWN_PARAMETERS = Collections.nCopies(64, "?");

    private SessionRestores() {
    }

    /** Whether the text has the shape of a session restore (decided when it runs, with its parameters). */
    static boolean shaped(Session session, Analysis analysis) {
        return onlySessionHazards(analysis) && read(session, analysis, UNKNOWN_PARAMETERS) != null;
    }

    /** Whether this statement sets the session to exactly what is in effect now. */
    static boolean changesNothing(Session session, Analysis analysis, List<Object> parameters) {
        if (!onlySessionHazards(analysis)) {
            return false;
        }
        Object read = read(session, analysis, parameters);
        try {
            if (read instanceof SessionRestore.RoleSwitch role) {
                return sameRole(session.physical(), role);
            }
            if (read instanceof List<?> settings) {
                @SuppressWarnings("unchecked")
                List<SessionRestore.Setting> list = (List<SessionRestore.Setting>) settings;
                return sameSettings(session.physical(), list);
            }
        } catch (SQLException e) {
            return false; // can't tell: refused as the policy says
        }
        return false;
    }

    private static boolean onlySessionHazards(Analysis analysis) {
        if (analysis.statements().size() != 1) {
            return false;
        }
        StatementFacts facts = analysis.statements().get(0);
        return !facts.hazards().isEmpty() && SESSION_HAZARDS.containsAll(facts.hazards())
                && facts.tablesWritten().isEmpty() && facts.tablesRead().isEmpty() && facts.functions().isEmpty();
    }

    private static Object read(Session session, Analysis analysis, List<Object> parameters) {
        return switch (session.dialect()) {
            case POSTGRESQL -> SessionRestore.roleSwitch(analysis.sql(), Dialect.POSTGRESQL, parameters);
            case MYSQL -> SessionRestore.sessionSettings(analysis.sql(), Dialect.MYSQL, parameters);
            default -> null;
        };
    }

    /** {@code SET ROLE x} when x is the current role; {@code RESET ROLE} when no role was set. */
    private static boolean sameRole(Connection physical, SessionRestore.RoleSwitch role) throws SQLException {
        try (PreparedStatement ps = physical.prepareStatement("SELECT current_user, session_user");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            String current = rs.getString(1);
            return role.role() == null ? current.equals(rs.getString(2)) : current.equals(role.role());
        }
    }

    /** Every variable already has the value written ({@code 1} = {@code ON} = {@code true}). */
    private static boolean sameSettings(Connection physical, List<SessionRestore.Setting> settings)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < settings.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("@@SESSION.").append(settings.get(i).name()); // plain names only
        }
        List<String> current = new ArrayList<>();
        try (PreparedStatement ps = physical.prepareStatement(sql.toString()); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            for (int i = 1; i <= settings.size(); i++) {
                current.add(rs.getString(i));
            }
        }
        for (int i = 0; i < settings.size(); i++) {
            if (!normal(settings.get(i).value()).equals(normal(current.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String normal(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Boolean b ? (b ? "1" : "0") : value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "on", "true" -> "1";
            case "off", "false" -> "0";
            default -> s;
        };
    }
}
