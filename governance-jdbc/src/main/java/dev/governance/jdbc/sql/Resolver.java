package dev.governance.jdbc.sql;

import java.util.List;
import net.sf.jsqlparser.schema.Table;

/**
 * Resolves table names as the database does for one statement: quoting and case by dialect, unqualified names
 * in the schema in effect (the dialect's default, the connection's, or one a previous statement of the same
 * text switched to).
 */
final class Resolver {

    private final Dialect dialect;
    private final String defaultSchema;

    Resolver(Dialect dialect, String defaultSchema) {
        this.dialect = dialect;
        this.defaultSchema = defaultSchema;
    }

    Dialect dialect() {
        return dialect;
    }

    String defaultSchema() {
        return defaultSchema;
    }

    TableName table(String schemaRaw, String nameRaw) {
        String schema = schemaRaw == null || schemaRaw.isEmpty() ? defaultSchema : Names.identifier(schemaRaw, dialect);
        return new TableName(schema, Names.identifier(nameRaw, dialect));
    }

    TableName table(Table t) {
        return table(t.getSchemaName(), t.getName());
    }

    /** A dotted name read by the lexer ({@code a.b.c}): the last two parts are schema and table. */
    TableName table(List<Token> parts) {
        String name = parts.get(parts.size() - 1).text();
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2).text() : null;
        return table(schema, name);
    }
}
