package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Dialect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a connection's unqualified names resolve, as its server reports it.
 *
 * @param schemas the schemas searched, in order, as the database names them (PostgreSQL: {@code current_schemas(true)},
 *                so the session's temporary schema and {@code pg_catalog} come first when the server searches them)
 * @param current where a new unqualified table goes, and where a name no schema holds resolves
 *                ({@code current_schema()}, H2's schema, MySQL's database); null when the connection has none
 */
record SearchPath(List<String> schemas, String current) {

    SearchPath {
        schemas = List.copyOf(schemas);
    }

    /** True when a name can only resolve to {@link #current()}: nothing to look up. */
    boolean single() {
        return schemas.size() <= 1;
    }

    static SearchPath of(String schema) {
        return new SearchPath(schema == null ? List.of() : List.of(schema), schema);
    }

    /**
     * Reads the path from the server; null when it can't be read (an aborted transaction, a driver without
     * schemas): the caller keeps what it knew. Runs on the real connection, outside the governed path.
     */
    static SearchPath read(Connection physical, Dialect dialect) {
        try {
            return switch (dialect) {
                case POSTGRESQL -> postgres(physical);
                case MYSQL -> of(physical.getCatalog());
                case H2, GENERIC -> of(physical.getSchema());
            };
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            return null;
        }
    }

    private static SearchPath postgres(Connection physical) throws SQLException {
        try (Statement st = physical.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_schemas(true), current_schema()")) {
            if (!rs.next()) {
                return null;
            }
            List<String> schemas = new ArrayList<>();
            Array array = rs.getArray(1);
            if (array != null) {
                for (Object s : (Object[]) array.getArray()) {
                    if (s != null) {
                        schemas.add(s.toString());
                    }
                }
            }
            String current = rs.getString(2);
            return new SearchPath(schemas, current);
        }
    }
}
