/**
 * Analysis of SQL texts for the gate: what each statement does (type, object, tables read and written, columns,
 * functions, hazards, unbounded changes), decided the same way for every entry point.
 *
 * <p>The way through, in {@link dev.governance.jdbc.sql.SqlAnalyzer#analyze(String, Dialect)}:
 * <ol>
 *   <li>{@code SqlLexer} reads the text as the dialect's server does (its literals, comments, and the MySQL/MariaDB
 *       executable comments it runs);</li>
 *   <li>{@code TextShaper} splits statements and writes each twice: normalized (literals as {@code ?}, safe to log)
 *       and as parse text, where the k-th literal is the marker {@code k} or {@code 'k'};</li>
 *   <li>the parse text is the cache key: a cache miss parses each statement with JSqlParser (bounded in time, length
 *       and nesting), and {@code TemplateBuilder} classifies it by keywords ({@code StatementClassifier},
 *       {@link dev.governance.jdbc.sql.DangerousOperations}) and by its tree ({@code StructureCollector});</li>
 *   <li>every call applies this text's literal values, and {@link dev.governance.jdbc.sql.Analysis#bind} the bound
 *       parameters, to the cached template ({@code ConditionEvaluator}): what the values decide is never cached.</li>
 * </ol>
 * What the parser can't read is unparseable, never allowed by accident; its type and hazards still come from its
 * keywords.
 */
package dev.governance.jdbc.sql;
