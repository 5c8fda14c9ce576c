package dev.governance.jdbc.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Analyses SQL texts: lex as the dialect's server does, split into statements, normalize, parse (time-bounded),
 * and classify. Parses are cached by text shape (dialect and text with literals as markers); literal values
 * and bound parameters are applied on every call, so a cached harmless variant never stands in for a
 * dangerous one. Thread-safe; one per Governance instance.
 */
public final class SqlAnalyzer {

    /** Statements of one text that are parsed; the rest are unparseable. */
    static final int MAX_STATEMENTS = 200;

    private record Key(Dialect dialect, String defaultSchema, String parseKey) {
    }

    private final NormalizedTextCache<Key, TextTemplate> cache = NormalizedTextCache.named("analysis");
    /**
     * Shapes of texts without literals, keyed by the text itself (parseKey holds the raw text): a prepared
     * statement or a constant query seen again skips lexing and shaping, which cost more than the rest of its
     * analysis. Texts with literals vary per call and would only crowd this cache; they go through the shape cache.
     */
    private final NormalizedTextCache<Key, TextTemplate> exactTexts = NormalizedTextCache.named("exact-text");
    private final StatementParser parser;

    public SqlAnalyzer() {
        this(Duration.ofSeconds(2));
    }

    /** @param parseTimeout how long one statement's parse may take before it counts as unparseable */
    public SqlAnalyzer(Duration parseTimeout) {
        this.parser = new StatementParser(Math.max(1, parseTimeout.toMillis()));
    }

    /** The analysis of {@code sql} with no parameters bound yet; unqualified names in the dialect's default schema. */
    public Analysis analyze(String sql, Dialect dialect) {
        return analyze(sql, dialect, (String) null);
    }

    /**
     * The analysis of {@code sql} on a connection whose unqualified names resolve to {@code defaultSchema} (as the
     * database names it; null: the dialect's default), for a connection that ran {@code SET search_path},
     * {@code SET SCHEMA} or {@code USE} (see {@link AnalyzedStatement#schemaSwitch()}).
     */
    public Analysis analyze(String sql, Dialect dialect, String defaultSchema) {
        Dialect d = dialect == null ? Dialect.GENERIC : dialect;
        return analyze(sql, d, defaultSchema == null ? d.defaultSchema() : defaultSchema, null);
    }

    /**
     * The analysis of {@code sql} on a connection whose unqualified names resolve as {@code names} says (the
     * server's search path, asked per use, so one cached parse serves every connection and every search path).
     */
    public Analysis analyze(String sql, Dialect dialect, TableResolver names) {
        Objects.requireNonNull(names, "names");
        return analyze(sql, dialect == null ? Dialect.GENERIC : dialect, PendingNames.SCHEMA, names);
    }

    private Analysis analyze(String sql, Dialect d, String schema, TableResolver names) {
        Objects.requireNonNull(sql, "sql");
        Key exactKey = NormalizedTextCache.cacheable(sql) ? new Key(d, schema, sql) : null;
        TextTemplate known = exactKey == null ? null : exactTexts.getIfPresent(exactKey);
        if (known != null) {
            return new SqlAnalysis(sql, d, known, List.of(), null, names);
        }
        SqlLexer.Lexed lexed = SqlLexer.lex(sql, d);
        TextShaper.Shaped shaped = TextShaper.shape(lexed.tokens());
        String problem = lexed.problem();
        if (problem == null && lexed.escapedQuote() && BackslashAmbiguity.ambiguous(lexed, SqlLexer.lex(sql, d, false))) {
            problem = "the text reads differently on a server with NO_BACKSLASH_ESCAPES";
        }
        TextTemplate template;
        if (problem == null && NormalizedTextCache.cacheable(shaped.parseKey())) {
            Key key = new Key(d, schema, shaped.parseKey());
            template = cache.getIfPresent(key);
            if (template == null) {
                template = build(shaped, d, schema, null, lexed.maxDepth());
                if (template.cacheable()) {
                    cache.put(key, template);
                }
            }
            if (exactKey != null && template.cacheable() && shaped.literals().isEmpty() && !lexed.escapedQuote()) {
                exactTexts.put(exactKey, template);
            }
        } else {
            template = build(shaped, d, schema, problem, lexed.maxDepth());
        }
        return new SqlAnalysis(sql, d, template, shaped.literals(), null, names);
    }

    /** Number of texts without literals cached by their exact text (for tests and metrics). */
    public long cachedTexts() {
        return exactTexts.size();
    }

    /** Number of cached text shapes (for tests and metrics). */
    public long cachedShapes() {
        return cache.size();
    }

    private TextTemplate build(TextShaper.Shaped shaped, Dialect dialect, String schema, String lexProblem, int nesting) {
        List<StatementTemplate> statements = new ArrayList<>();
        boolean cacheable = true;
        Resolver resolver = new Resolver(dialect, schema);
        for (TextShaper.Piece piece : shaped.pieces()) {
            // past the limit, statements are classified by keywords only: a text can't buy unbounded parsing time
            String problem = lexProblem != null ? lexProblem
                    : statements.size() >= MAX_STATEMENTS ? "more than " + MAX_STATEMENTS + " statements in one text" : null;
            StatementTemplate t = TemplateBuilder.build(piece, resolver, parser, problem, nesting);
            cacheable &= !t.transientProblem();
            statements.add(t);
            if (t.schemaSwitch() != null) {
                // SET search_path / USE: later statements of this text resolve there; a literal name is a value
                resolver = new Resolver(dialect, t.schemaSwitch().schema());
                cacheable &= !t.schemaSwitch().literal();
            }
        }
        if (statements.isEmpty() && lexProblem != null) {
            // nothing readable at all (an unterminated literal from the first character): still one statement
            TextShaper.Piece empty = new TextShaper.Piece(List.of(), "", "");
            statements.add(TemplateBuilder.build(empty, resolver, parser, lexProblem, nesting));
        }
        return new TextTemplate(List.copyOf(statements), shaped.normalized(), sha256(shaped.normalized()), lexProblem,
                cacheable);
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
