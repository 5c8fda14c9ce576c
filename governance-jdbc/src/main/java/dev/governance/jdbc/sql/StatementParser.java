package dev.governance.jdbc.sql;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser, bounded: error recovery and "unsupported statement" fallbacks off, a time limit per parse, and
 * limits on length and nesting checked before the parser sees the text, so pathological input comes back
 * unparseable instead of holding the caller.
 */
final class StatementParser {

    /** A parse: the statement, or why there is none; {@code transient} problems (timeouts) are not cached. */
    record Result(Statement statement, String problem, boolean transientProblem) {
    }

    static final int MAX_LENGTH = 256 * 1024;
    static final int MAX_NESTING = 100;

    private final long timeoutMillis;
    private final ExecutorService executor;

    StatementParser(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        AtomicInteger n = new AtomicInteger();
        // threads only for the time limit; a parse that overruns keeps its thread until it ends, so the pool grows
        this.executor = new ThreadPoolExecutor(0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "governance-sql-parser-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Result parse(String text, int nesting) {
        if (text.length() > MAX_LENGTH) {
            return new Result(null, "statement too long to analyse (" + text.length() + " characters)", false);
        }
        if (nesting > MAX_NESTING) {
            return new Result(null, "statement nested too deeply to analyse (" + nesting + " levels)", false);
        }
        Statement statement;
        try {
            try {
                statement = CCJSqlParserUtil.parse(text, executor, this::configure);
            } catch (RejectedExecutionException busy) {
                statement = CCJSqlParserUtil.parse(text, this::configure);
            }
        } catch (JSQLParserException e) {
            boolean timeout = isTimeout(e);
            return new Result(null, timeout ? "parsing took longer than " + timeoutMillis + " ms" : "the SQL parser can't read it: "
                    + firstLine(e), timeout);
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(null, "the SQL parser failed: " + e.getClass().getSimpleName(), false);
        }
        if (statement == null) {
            return new Result(null, "the SQL parser found no statement", false);
        }
        if (statement instanceof UnsupportedStatement) {
            return new Result(statement, "the SQL parser does not support this statement", false);
        }
        return new Result(statement, null, false);
    }

    private void configure(net.sf.jsqlparser.parser.CCJSqlParser p) {
        p.withTimeOut(timeoutMillis).withErrorRecovery(false).withUnsupportedStatements(false);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && m.contains("Time out")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (m.startsWith("net.sf.jsqlparser.") && m.indexOf(": ") > 0) {
            m = m.substring(m.indexOf(": ") + 2);
        }
        int nl = m.indexOf('\n');
        String line = nl >= 0 ? m.substring(0, nl) : m;
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
