package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.Statement;

/** Builds the template of one statement: keywords first (always), then the parser's view when it can read it. */
final class TemplateBuilder {

    private TemplateBuilder() {
    }

    static StatementTemplate build(TextShaper.Piece piece, Resolver resolver, StatementParser parser, String lexProblem,
            int nesting) {
        Dialect dialect = resolver.dialect();
        KeywordView keywords = new KeywordView(piece.tokens()).executed();
        StatementClassifier.Kind kind = StatementClassifier.classify(keywords);
        Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        DangerousOperations.commandHazards(keywords, dialect, hazards);
        Set<String> tokenFunctions = tokenFunctions(piece.tokens());
        for (String f : tokenFunctions) {
            addFunctionHazard(f, dialect, hazards);
        }

        StatementParser.Result parsed = lexProblem != null
                ? new StatementParser.Result(null, lexProblem, false)
                : parser.parse(piece.parseText(), nesting);
        boolean explainOnly = false;
        if (parsed.problem() != null && lexProblem == null && !parsed.transientProblem()) {
            // an ordinary statement in a spelling the parser doesn't know: try the same statement respelled
            ParseRewrites.Rewrite rewrite = ParseRewrites.of(piece.parseText(), dialect);
            StatementParser.Result again = rewrite == null ? null : parser.parse(rewrite.text(), nesting);
            if (again != null && again.problem() == null) {
                parsed = again;
                explainOnly = rewrite.explainOnly();
            }
        }
        String problem = parsed.problem();
        if (problem != null && lexProblem == null && hazards.isEmpty() && plainSetting(kind, piece.tokens())) {
            // SET search_path TO a, b / SET x TO DEFAULT: a harmless name and plain values (a hazardous one stays
            // unreadable as well as hazardous)
            return new StatementTemplate(kind.type(), kind.objectKind(), Set.of(), Set.of(), Set.of(), Set.of(),
                    Set.copyOf(tokenFunctions), Set.copyOf(hazards), List.of(), List.of(), false, null, false,
                    piece.normalized(), null, SchemaSwitch.of(keywords, dialect),
                    StatementKinds.of(kind.type(), keywords, Set.of()), SequenceWrites.NONE);
        }
        if (problem != null && lexProblem == null && hazards.isEmpty() && catalogCommand(keywords, piece.tokens())) {
            // SHOW CREATE TABLE t, SHOW DATABASES LIKE ?, DISCARD ALL, LISTEN ch: names and plain values only
            Set<TableName> read = new LinkedHashSet<>();
            TableName named = shownTable(keywords, piece.tokens(), resolver);
            if (named != null) {
                read.add(named);
            }
            return new StatementTemplate(kind.type(), kind.objectKind(), Set.copyOf(read), Set.of(), Set.of(), Set.of(),
                    Set.copyOf(tokenFunctions), Set.copyOf(hazards), List.of(), List.of(), false, null, false,
                    piece.normalized(), null, SchemaSwitch.of(keywords, dialect),
                    StatementKinds.of(kind.type(), keywords, Set.of()), SequenceWrites.NONE);
        }
        if (problem != null && lexProblem == null && onlyTransactionWords(kind, piece.tokens())) {
            // BEGIN, START TRANSACTION READ ONLY, ROLLBACK TO SAVEPOINT s: nothing here the parser could add
            return new StatementTemplate(kind.type(), kind.objectKind(), Set.of(), Set.of(), Set.of(), Set.of(),
                    Set.of(), Set.copyOf(hazards), List.of(), List.of(), false, null, false, piece.normalized(), null, null,
                    Set.of(), SequenceWrites.NONE);
        }
        StructureCollector collector = new StructureCollector(resolver);
        Statement statement = parsed.statement();
        if (problem == null) {
            try {
                collector.collect(statement);
            } catch (RuntimeException | StackOverflowError e) {
                problem = "the statement's structure could not be analysed (" + e.getClass().getSimpleName() + ")";
            }
        }
        if (problem != null) {
            return unparseable(piece, resolver, keywords, kind, hazards, tokenFunctions, problem, parsed.transientProblem(),
                    statement);
        }

        StatementType type = kind.type();
        ObjectKind objectKind = kind.objectKind();
        if (explainOnly) {
            // EXPLAIN without ANALYZE plans the statement and runs nothing: what it names is read, never written
            collector.read.addAll(collector.written);
            collector.written.clear();
            collector.writeKinds.clear();
            collector.changes.clear();
            collector.upsertSources.clear();
            collector.sequences.clear();
            collector.sequenceArguments.clear();
            collector.insertSources.clear();
            collector.updatedColumns.clear();
        }
        if ((type == StatementType.SELECT || type == StatementType.OTHER) && !collector.writeKinds.isEmpty()) {
            type = strongestWrite(collector.writeKinds);
        } else if (type == StatementType.SELECT && collector.createsTable) {
            // SELECT ... INTO new_table creates a table
            type = StatementType.CREATE;
            objectKind = ObjectKind.TABLE;
        }
        Set<TableName> writtenTables = new LinkedHashSet<>(collector.written);
        Set<TableName> read = new LinkedHashSet<>(collector.read);
        if (writtenTables.isEmpty() && writesByKeyword(type)) {
            // a statement form the walk doesn't know as a write: the keywords still name its target
            for (List<Token> name : StatementClassifier.writtenNames(keywords)) {
                TableName t = resolver.table(name);
                writtenTables.add(t);
                read.remove(t);
            }
        }
        Set<String> functions = new LinkedHashSet<>(collector.functions);
        for (String f : functions) {
            addFunctionHazard(f, dialect, hazards);
        }
        if (readsUnnamedTables(functions, dialect) || readsUnnamedTables(tokenFunctions, dialect)) {
            read.add(DangerousOperations.UNKNOWN_TABLES);
        }
        List<Expression> settingArguments = new ArrayList<>();
        boolean dependsOnParameters = false;
        for (Function f : collector.settingCalls) {
            Expression arg = f.getParameters() == null || f.getParameters().isEmpty() ? null : f.getParameters().get(0);
            settingArguments.add(arg);
            dependsOnParameters |= arg == null || ExpressionScan.of(arg).parameters;
        }
        collector.changes.addAll(collector.upsertSources);
        if (keywords.word(0).equals("MERGE") || keywords.word(0).equals("REPLACE")) {
            collector.changes.addAll(collector.insertSources); // H2's MERGE … KEY, read as the INSERT it respells
        }
        for (ChangeSite site : collector.changes) {
            dependsOnParameters |= site.usesParameters();
        }
        for (Expression arg : collector.sequenceArguments) {
            // nextval(?): which sequence is written is known once the parameter is bound
            dependsOnParameters |= arg == null || ExpressionScan.of(arg).parameters;
        }
        return new StatementTemplate(type, objectKind, Set.copyOf(read), Set.copyOf(writtenTables),
                Set.copyOf(collector.columns), Set.copyOf(collector.updatedColumns), Set.copyOf(functions),
                Set.copyOf(hazards), List.copyOf(collector.changes), List.copyOf(settingArguments), dependsOnParameters,
                null, false, piece.normalized(), statement, SchemaSwitch.of(keywords, dialect),
                StatementKinds.of(type, keywords, collector.writeKinds),
                SequenceWrites.of(collector.sequences, collector.sequenceArguments, resolver));
    }

    private static StatementTemplate unparseable(TextShaper.Piece piece, Resolver resolver, KeywordView keywords,
            StatementClassifier.Kind kind, Set<Hazard> hazards, Set<String> tokenFunctions, String problem,
            boolean transientProblem, Statement statement) {
        Set<TableName> written = new LinkedHashSet<>();
        for (List<Token> name : StatementClassifier.writtenNames(keywords)) {
            written.add(resolver.table(name));
        }
        List<ChangeSite> changes = new ArrayList<>();
        StatementType type = kind.type();
        if (type == StatementType.TRUNCATE
                || (type == StatementType.UPDATE || type == StatementType.DELETE) && !keywords.contains("WHERE")
                || type == StatementType.MERGE && keywords.contains("USING") && !keywords.contains("ON")) {
            changes.add(new ChangeSite(type, null, false, false));
        }
        if (tokenFunctions.contains("set_config")) {
            hazards.add(Hazard.IDENTITY_SWITCH);
        }
        Set<TableName> read = readsUnnamedTables(tokenFunctions, resolver.dialect())
                ? Set.of(DangerousOperations.UNKNOWN_TABLES) : Set.of();
        return new StatementTemplate(type, kind.objectKind(), read, Set.copyOf(written), Set.of(), Set.of(),
                Set.copyOf(tokenFunctions), Set.copyOf(hazards), List.copyOf(changes), List.of(), false, problem,
                transientProblem, piece.normalized(), statement instanceof net.sf.jsqlparser.statement.UnsupportedStatement
                        ? null : statement, SchemaSwitch.of(keywords, resolver.dialect()),
                StatementKinds.of(type, keywords, Set.of()), SequenceWrites.NONE);
    }

    private static boolean writesByKeyword(StatementType type) {
        return switch (type) {
            case INSERT, UPDATE, DELETE, MERGE, TRUNCATE, CREATE, ALTER, DROP -> true;
            default -> false;
        };
    }

    /** {@code SET [SESSION|LOCAL] name {TO|=} value [, value ...]} with only names, literals and commas as values. */
    private static boolean plainSetting(StatementClassifier.Kind kind, List<Token> tokens) {
        if (kind.type() != StatementType.SET || tokens.size() < 3 || !tokens.get(0).isWord("SET")) {
            return false;
        }
        for (Token t : tokens) {
            boolean plain = t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED || t.kind() == TokenKind.STRING
                    || t.kind() == TokenKind.NUMBER || t.isSymbol(',') || t.isSymbol('=') || t.isSymbol('.')
                    || t.isSymbol('-') || t.isSymbol('@') || t.isSymbol(':');
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** SHOW …, DESCRIBE t, DISCARD …, LISTEN/UNLISTEN/NOTIFY: words, names, plain values, LIKE patterns. */
    private static boolean catalogCommand(KeywordView keywords, List<Token> tokens) {
        String first = keywords.word(0);
        if (!(first.equals("SHOW") || first.equals("DESCRIBE") || first.equals("DESC") || first.equals("DISCARD")
                || first.equals("LISTEN") || first.equals("UNLISTEN") || first.equals("NOTIFY") || first.equals("VACUUM")
                || first.equals("ANALYZE") || first.equals("OPTIMIZE") || first.equals("CHECK"))) {
            return false;
        }
        for (Token t : tokens) {
            boolean plain = t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED || t.kind() == TokenKind.STRING
                    || t.kind() == TokenKind.NUMBER || t.kind() == TokenKind.PARAM || t.isSymbol(',') || t.isSymbol('=')
                    || t.isSymbol('.') || t.isSymbol('*');
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** The table a SHOW or DESCRIBE names: {@code SHOW CREATE TABLE t}, {@code SHOW COLUMNS FROM t}, {@code DESCRIBE t}. */
    private static TableName shownTable(KeywordView keywords, List<Token> tokens, Resolver resolver) {
        int at = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i == 0 && (t.isWord("DESCRIBE") || t.isWord("DESC"))
                    || (t.isWord("TABLE") || t.isWord("VIEW")) && i > 0 && tokens.get(i - 1).isWord("CREATE")
                    || (t.isWord("FROM") || t.isWord("IN")) && i > 0 && !tokens.get(i - 1).isWord("FROM")) {
                at = i + 1;
                break;
            }
        }
        if (at < 0 && tokens.size() > 1 && (tokens.get(0).isWord("VACUUM") || tokens.get(0).isWord("ANALYZE")
                || tokens.get(0).isWord("OPTIMIZE") || tokens.get(0).isWord("CHECK"))) {
            at = tokens.size() - 1; // VACUUM [FULL] t, ANALYZE [TABLE] t, OPTIMIZE TABLE t, CHECK TABLE t
            if (at >= 2 && tokens.get(at - 1).isSymbol('.')) {
                at -= 2;
            }
        }
        if (at < 0 || at >= tokens.size() || !tokens.get(at).isIdentifier()) {
            return null;
        }
        List<Token> name = new ArrayList<>();
        name.add(tokens.get(at));
        if (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol('.') && tokens.get(at + 2).isIdentifier()) {
            name.add(tokens.get(at + 2));
        }
        return resolver.table(name);
    }

    private static boolean onlyTransactionWords(StatementClassifier.Kind kind, List<Token> tokens) {
        if (kind.type() != StatementType.TRANSACTION) {
            return false;
        }
        for (Token t : tokens) {
            if (t.kind() != TokenKind.WORD && !t.isSymbol(',')) {
                return false;
            }
        }
        return true;
    }

    private static boolean readsUnnamedTables(Set<String> functions, Dialect dialect) {
        for (String f : functions) {
            if (DangerousOperations.readsUnnamedTables(f, dialect)) {
                return true;
            }
        }
        return false;
    }

    private static void addFunctionHazard(String function, Dialect dialect, Set<Hazard> hazards) {
        Hazard h = DangerousOperations.functionHazard(function, dialect);
        if (h != null) {
            hazards.add(h);
        }
    }

    /** Names followed by "(" anywhere in the statement: function calls, seen even where the parser can't read. */
    private static Set<String> tokenFunctions(List<Token> tokens) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isIdentifier() && tokens.get(i + 1).isSymbol('(')) {
                Token before = i > 0 ? tokens.get(i - 1) : null;
                // INSERT INTO t (a, b) and CREATE TABLE t (...) name tables, not functions
                if (before != null && (before.isWord("INTO") || before.isWord("TABLE") || before.isWord("REFERENCES")
                        || before.isWord("EXISTS") && i > 1 && tokens.get(i - 2).isWord("NOT")
                        || before.isSymbol('.') && i > 2 && (tokens.get(i - 3).isWord("INTO")
                        || tokens.get(i - 3).isWord("TABLE")))) {
                    continue;
                }
                names.add(t.value().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    private static StatementType strongestWrite(Set<StatementType> kinds) {
        for (StatementType t : List.of(StatementType.DELETE, StatementType.UPDATE, StatementType.MERGE,
                StatementType.INSERT)) {
            if (kinds.contains(t)) {
                return t;
            }
        }
        return StatementType.SELECT;
    }
}
