package dev.governance.jdbc.wrapper;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every method of the wrapped JDBC interfaces is implemented by our class, not inherited from the interface, so a
 * default method that a newer JDK adds can't silently reach the real object without a decision here.
 */
class WrapperCoverageTest {

    @Test
    void connection() {
        assertCovered(Connection.class, ConnectionWrapper.class);
    }

    @Test
    void statement() {
        assertCovered(Statement.class, StatementWrapper.class);
    }

    @Test
    void preparedStatement() {
        assertCovered(PreparedStatement.class, PreparedStatementWrapper.class);
    }

    @Test
    void callableStatement() {
        assertCovered(CallableStatement.class, CallableStatementWrapper.class);
    }

    @Test
    void resultSet() {
        assertCovered(ResultSet.class, ResultSetWrapper.class);
    }

    @Test
    void databaseMetaData() {
        assertCovered(DatabaseMetaData.class, DatabaseMetaDataWrapper.class);
    }

    @Test
    void theCheckNoticesAMissingMethod() {
        // A class that leaves a default method to its interface must be reported.
        List<String> missing = uncovered(Statement.class, PartialStatement.class);
        assertTrue(missing.stream().anyMatch(m -> m.startsWith("enquoteLiteral")), missing.toString());
    }

    private static void assertCovered(Class<?> api, Class<?> wrapper) {
        List<String> missing = uncovered(api, wrapper);
        assertEquals(List.of(), missing, wrapper.getSimpleName() + " must implement every " + api.getSimpleName() + " method");
    }

    private static List<String> uncovered(Class<?> api, Class<?> wrapper) {
        List<String> missing = new ArrayList<>();
        for (Method method : api.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                Method implementation = wrapper.getMethod(method.getName(), method.getParameterTypes());
                Class<?> owner = implementation.getDeclaringClass();
                if (owner.isInterface() || !owner.getPackageName().equals(ConnectionWrapper.class.getPackageName())) {
                    missing.add(method.getName() + List.of(method.getParameterTypes()));
                }
            } catch (NoSuchMethodException e) {
                missing.add(method.getName() + List.of(method.getParameterTypes()));
            }
        }
        return missing;
    }

    /** Deliberately incomplete: inherits {@code enquoteLiteral} and friends from the interface. */
    private abstract static class PartialStatement implements Statement {
    }
}
