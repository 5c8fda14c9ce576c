package dev.governance.jdbc.gate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.governance.jdbc.masking.ViewLookup;
import dev.governance.jdbc.policy.PrimaryKeys;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import dev.governance.jdbc.sql.lineage.ColumnsRead;
import dev.governance.jdbc.sql.lineage.LineageAnalyzer;
import dev.governance.jdbc.sql.lineage.ResultLineage;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.NormalizedTextCache;
import dev.governance.jdbc.sql.TableName;
import dev.governance.jdbc.sql.lineage.SchemaLookup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The database metadata the gate needs — primary keys (guardrails), table columns and views (masking lineage) — cached
 * per database and table, so a statement costs a metadata query once per table, not once per execution.
 */
final class MetadataCache {
    private record Key(String database, String table) {
    }

    private final Cache<Key, Set<ColumnName>> primaryKeys = newCache();
    private final Cache<Key, List<String>> columns = newCache();
    /** View lineage; Optional.empty() for a table that is not a view. */
    private final Cache<Key, java.util.Optional<ViewLookup.View>> views = newCache();
    /** What a call to a function reads (its body's tables, or itself when opaque); empty for built-ins. */
    private final Cache<Key, Set<TableName>> functionReads = newCache();

    private static <V> Cache<Key, V> newCache() {
        return Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();
    }

    /**
     * What each statement shape reads, column by column, per database and search path (for {@code columns} rules).
     * Kept as briefly as the name lookups it depends on, and dropped with them by DDL.
     */
    private final NormalizedTextCache<ReadsKey, ColumnsRead> columnReads =
            NormalizedTextCache.expiring("column-reads", Duration.ofSeconds(30));

    /** A parse tree by identity (one cached tree per statement shape), on one database and search path. */
    private record ReadsKey(String database, SearchPath path, Tree tree) {
    }

    private record Tree(net.sf.jsqlparser.statement.Statement statement) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tree t && t.statement == statement;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(statement);
        }
    }

    /** The columns {@code tree} reads on this database and search path, traced once and cached. */
    ColumnsRead columnsRead(String databaseUrl, SearchPath path, net.sf.jsqlparser.statement.Statement tree,
                            java.util.function.Supplier<ColumnsRead> trace) {
        return columnReads.get(new ReadsKey(databaseUrl, path, new Tree(tree)), key -> trace.get());
    }

    /**
     * What each view's definition reads, for access lists, per database and search path (PostgreSQL's definitions
     * name tables relative to the path). Empty for a table that is not a view. Kept as briefly as the name lookups,
     * and dropped with them by DDL.
     */
    private final Cache<PathKey, java.util.Optional<Set<TableName>>> viewTables = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    private record PathKey(String database, SearchPath path, TableName table) {
    }

    /** What reading each table reads when it is a view, on this database and search path (cached). */
    java.util.function.Function<TableName, java.util.Optional<Set<TableName>>> viewTables(
            String databaseUrl, SearchPath path, Connection physical, Dialect dialect, SqlAnalyzer analyzer,
            dev.governance.jdbc.sql.TableResolver names, java.util.function.Function<String, Set<TableName>> functions) {
        return table -> viewTables.get(new PathKey(databaseUrl, path, table),
                key -> ViewTables.of(physical, dialect, analyzer, names, functions, table));
    }

    /** Which schemas hold a relation of a name (exact, as the catalog stores it): for search-path resolution. */
    private final Cache<Key, Set<String>> holders = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build(); // tables created elsewhere are found soon

    /** Primary keys as one connection's database reports them. */
    PrimaryKeys primaryKeys(String databaseUrl, Connection physical, Dialect dialect) {
        return table -> primaryKeys.get(new Key(databaseUrl, table.key()), key -> loadPrimaryKeys(physical, dialect, table));
    }

    /** Table columns (in table order) as one connection's database reports them. */
    SchemaLookup schema(String databaseUrl, Connection physical, Dialect dialect) {
        return table -> columns.get(new Key(databaseUrl, table.key()), key -> loadColumns(physical, dialect, table));
    }

    /** The schemas holding a table or view named {@code table} (PostgreSQL's catalog; empty elsewhere). */
    ServerNames.Catalog holders(String databaseUrl, Connection physical, Dialect dialect) {
        if (dialect != Dialect.POSTGRESQL) {
            return table -> Set.of();
        }
        return table -> holders.get(new Key(databaseUrl, table), key -> loadHolders(physical, table));
    }

    /** Moves whenever something cached here is dropped: what was decided from it before may be stale. */
    private volatile long epoch;

    long epoch() {
        return epoch;
    }

    /** A schema change ran through the driver: what was cached about tables may be wrong now. */
    void invalidate() {
        epoch++; // racy increments may lose a count, never the change: any moved value invalidates
        holders.invalidateAll();
        columnReads.invalidateAll();
        viewTables.invalidateAll();
        primaryKeys.invalidateAll();
        columns.invalidateAll();
        views.invalidateAll();
    }

    private static Set<String> loadHolders(Connection physical, String table) {
        Set<String> found = new LinkedHashSet<>();
        try (java.sql.PreparedStatement ps = physical.prepareStatement("SELECT n.nspname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            // unknown: the name resolves to the current schema
        }
        return Set.copyOf(found);
    }

    /** What calls to each function read, as one connection's database defines its functions. */
    java.util.function.Function<String, Set<TableName>> functionReads(String databaseUrl, Connection physical,
                                                                      Dialect dialect, SqlAnalyzer analyzer) {
        return name -> functionReads.get(new Key(databaseUrl, name),
                key -> FunctionReads.of(physical, dialect, analyzer, name));
    }

    /** Forgets what functions read: a function was created, changed or dropped through the driver. */
    void forgetFunctions() {
        epoch++;
        functionReads.invalidateAll();
        viewTables.invalidateAll(); // a view's reads include what the functions it calls read
    }

    /** Views as one connection's database defines them, traced to the columns they are computed from. */
    ViewLookup views(String databaseUrl, Connection physical, Dialect dialect, SqlAnalyzer analyzer) {
        SchemaLookup schema = schema(databaseUrl, physical, dialect);
        return table -> views.get(new Key(databaseUrl, table.key()),
                key -> java.util.Optional.ofNullable(loadView(physical, dialect, analyzer, schema, table))).orElse(null);
    }

    private static ViewLookup.View loadView(Connection physical, Dialect dialect, SqlAnalyzer analyzer,
                                            SchemaLookup schema, TableName table) {
        String definition = ViewDefinitions.of(physical, dialect, table);
        if (definition == null) {
            return null;
        }
        Analysis analysis = analyzer.analyze(definition, dialect);
        java.util.Set<TableName> reads = new java.util.LinkedHashSet<>();
        for (dev.governance.jdbc.sql.StatementFacts facts : analysis.statements()) {
            reads.addAll(facts.tablesRead());
        }
        java.util.Map<String, Set<ColumnName>> traced = new java.util.HashMap<>();
        if (!analysis.analyzedStatements().isEmpty() && analysis.analyzedStatements().get(0).parsedStatement() != null) {
            try {
                ResultLineage lineage =
                        LINEAGE.lineage(analysis.analyzedStatements().get(0).parsedStatement(), dialect, schema);
                List<String> viewColumns = schema.columnsOf(table);
                if (lineage.complete() && lineage.columns().size() == viewColumns.size()) {
                    for (int i = 0; i < viewColumns.size(); i++) {
                        traced.put(viewColumns.get(i).toLowerCase(Locale.ROOT), lineage.columns().get(i).sources());
                    }
                }
            } catch (RuntimeException untraceable) {
                // every column then counts as untraced: sensitive when the view reads a sensitive table
            }
        }
        return new ViewLookup.View(java.util.Map.copyOf(traced), java.util.Set.copyOf(reads));
    }

    private static final LineageAnalyzer LINEAGE = new LineageAnalyzer();

    private static Set<ColumnName> loadPrimaryKeys(Connection physical, Dialect dialect, TableName table) {
        Set<ColumnName> found = new LinkedHashSet<>();
        query(physical, dialect, table, (md, catalog, schema, name) -> md.getPrimaryKeys(catalog, schema, name),
                rs -> found.add(new ColumnName(table, rs.getString("COLUMN_NAME"))));
        return Set.copyOf(found);
    }

    private static List<String> loadColumns(Connection physical, Dialect dialect, TableName table) {
        List<String> found = new ArrayList<>();
        query(physical, dialect, table, (md, catalog, schema, name) -> md.getColumns(catalog, schema, name, null),
                rs -> found.add(rs.getString("COLUMN_NAME")));
        return List.copyOf(found);
    }

    private interface MetadataQuery {
        ResultSet run(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a metadata query for a table, trying the name as given, then upper and lower case (unquoted names are
     * stored in the database's own case); stops at the first variant that has rows.
     */
    private static void query(Connection physical, Dialect dialect, TableName table, MetadataQuery query,
                              RowReader reader) {
        try {
            DatabaseMetaData md = physical.getMetaData();
            // MySQL's schemas are its databases, which its drivers take as the catalog (the schema argument is ignored)
            boolean databases = dialect == Dialect.MYSQL;
            String catalog = databases && table.schema() != null ? table.schema()
                    : table.schema() == null ? physical.getCatalog() : null;
            String[] schemas = databases || table.schema() == null ? new String[] {null} : variants(table.schema());
            for (String name : variants(table.table())) {
                for (String schema : schemas) {
                    boolean any = false;
                    try (ResultSet rs = query.run(md, catalog, schema, name)) {
                        while (rs.next()) {
                            any = true;
                            reader.read(rs);
                        }
                    }
                    if (any) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            // Unknown metadata: no key matches a primary-key rule, and lineage treats the table's columns as unknown.
        }
    }

    private static String[] variants(String name) {
        return new String[] {name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)};
    }
}
