package dev.governance.jdbc.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Decides, without a database, whether a condition holds for every row: constant comparisons of the text's
 * literals and bound parameters ({@code 1=1}, {@code 'a'='a'}, {@code ? = ?}), boolean constants, NOT/AND/OR,
 * a column compared with itself, {@code LIKE '%'}. Anything it can't decide is UNKNOWN, never TRUE.
 * Literals are markers of the parse text (see {@link TextShaper}), looked up in {@link Values}.
 */
final class ConditionEvaluator {

    private static final Object NULL = new Object();
    private static final int MAX_DEPTH = 200;

    private final Values values;
    private final Dialect dialect;

    ConditionEvaluator(Values values, Dialect dialect) {
        this.values = values;
        this.dialect = dialect;
    }

    Truth truth(Expression e) {
        return truth(e, 0);
    }

    private Truth truth(Expression e, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return Truth.UNKNOWN;
        }
        int d = depth + 1;
        if (e instanceof AndExpression and) {
            Truth l = truth(and.getLeftExpression(), d);
            Truth r = truth(and.getRightExpression(), d);
            if (l == Truth.FALSE || r == Truth.FALSE) {
                return Truth.FALSE;
            }
            return l == Truth.TRUE && r == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
        }
        if (e instanceof OrExpression or) {
            Truth l = truth(or.getLeftExpression(), d);
            Truth r = truth(or.getRightExpression(), d);
            if (l == Truth.TRUE || r == Truth.TRUE || complementary(or.getLeftExpression(), or.getRightExpression(), d)) {
                return Truth.TRUE;
            }
            return l == Truth.FALSE && r == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
        }
        if (e instanceof XorExpression xor) {
            Truth l = truth(xor.getLeftExpression(), d);
            Truth r = truth(xor.getRightExpression(), d);
            return l == Truth.UNKNOWN || r == Truth.UNKNOWN ? Truth.UNKNOWN : Truth.of(l != r);
        }
        if (e instanceof NotExpression not) {
            return truth(not.getExpression(), d).not();
        }
        if (e instanceof ExpressionList<?> list) {
            return list.size() == 1 ? truth(list.get(0), d) : Truth.UNKNOWN;
        }
        if (e instanceof EqualsTo || e instanceof NotEqualsTo || e instanceof GreaterThan
                || e instanceof GreaterThanEquals || e instanceof MinorThan || e instanceof MinorThanEquals) {
            return compare((BinaryExpression) e, d);
        }
        if (e instanceof LikeExpression like) {
            return like(like, d);
        }
        if (e instanceof IsNullExpression isNull) {
            Object v = value(isNull.getLeftExpression(), d);
            if (v == Values.UNKNOWN) {
                return Truth.UNKNOWN;
            }
            return Truth.of((v == NULL) != isNull.isNot());
        }
        if (e instanceof IsBooleanExpression isBool) {
            Truth t = truth(isBool.getLeftExpression(), d);
            if (t == Truth.UNKNOWN) {
                return Truth.UNKNOWN;
            }
            return Truth.of((t == Truth.TRUE) == isBool.isTrue() != isBool.isNot());
        }
        if (e instanceof IsDistinctExpression distinct) {
            if (sameColumn(distinct.getLeftExpression(), distinct.getRightExpression())) {
                // x IS NOT DISTINCT FROM x holds for every row, NULLs included
                return Truth.of(distinct.isNot());
            }
            return Truth.UNKNOWN;
        }
        if (e instanceof Between between) {
            return between(between, d);
        }
        if (e instanceof ExistsExpression exists) {
            // EXISTS (SELECT 1): a subquery with no FROM and no filter always has its one row
            return constantRow(exists.getRightExpression()) != null ? Truth.of(!exists.isNot()) : Truth.UNKNOWN;
        }
        if (e instanceof InExpression in) {
            return in(in, d);
        }
        return truthOfValue(value(e, d));
    }

    /**
     * {@code x IS NULL OR x IS NOT NULL}, {@code x = 5 OR x <> 5}, {@code x < 5 OR x >= 5}: together they hold for every
     * row (every row but NULLs, for comparisons: as unbounded as {@code x = x}).
     */
    private boolean complementary(Expression a, Expression b, int d) {
        a = unwrap(a);
        b = unwrap(b);
        if (a instanceof IsNullExpression x && b instanceof IsNullExpression y) {
            return x.isNot() != y.isNot() && sameColumn(x.getLeftExpression(), y.getLeftExpression());
        }
        if (a instanceof BinaryExpression x && b instanceof BinaryExpression y && isComparison(x) && isComparison(y)
                && sameColumn(x.getLeftExpression(), y.getLeftExpression())) {
            Object vx = value(x.getRightExpression(), d);
            Object vy = value(y.getRightExpression(), d);
            if (compareValues(vx, vy) != 0) {
                return false;
            }
            return x instanceof EqualsTo && y instanceof NotEqualsTo || x instanceof NotEqualsTo && y instanceof EqualsTo
                    || x instanceof MinorThan && y instanceof GreaterThanEquals
                    || x instanceof GreaterThanEquals && y instanceof MinorThan
                    || x instanceof GreaterThan && y instanceof MinorThanEquals
                    || x instanceof MinorThanEquals && y instanceof GreaterThan;
        }
        return false;
    }

    private static boolean isComparison(Expression e) {
        return e instanceof EqualsTo || e instanceof NotEqualsTo || e instanceof GreaterThan
                || e instanceof GreaterThanEquals || e instanceof MinorThan || e instanceof MinorThanEquals;
    }

    private static Expression unwrap(Expression e) {
        Expression x = e;
        for (int i = 0; i < MAX_DEPTH && x instanceof ExpressionList<?> list && list.size() == 1; i++) {
            x = list.get(0);
        }
        return x;
    }

    private Truth truthOfValue(Object v) {
        if (v instanceof Boolean b) {
            return Truth.of(b);
        }
        if (v instanceof BigDecimal n) {
            // WHERE 1 (MySQL reads numbers as booleans; elsewhere it is an error, so nothing runs)
            return Truth.of(n.signum() != 0);
        }
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            BigDecimal n = number(t);
            if (n != null) {
                return Truth.of(n.signum() != 0);
            }
            if (t.equals("t") || t.equals("true") || t.equals("y") || t.equals("yes") || t.equals("on")) {
                return Truth.TRUE;
            }
            if (t.equals("f") || t.equals("false") || t.equals("n") || t.equals("no") || t.equals("off")) {
                return Truth.FALSE;
            }
            return dialect == Dialect.MYSQL ? Truth.FALSE : Truth.UNKNOWN;
        }
        return Truth.UNKNOWN;
    }

    private Truth compare(BinaryExpression e, int d) {
        Expression left = e.getLeftExpression();
        Expression right = e.getRightExpression();
        if (sameColumn(left, right) || sameRowExpression(left, right) || sameRowValue(left, right, d)) {
            // id = id holds for every row but those where id is NULL: as unbounded as no condition
            boolean reflexive = e instanceof EqualsTo || e instanceof GreaterThanEquals || e instanceof MinorThanEquals;
            return Truth.of(reflexive);
        }
        Object l = value(left, d);
        Object r = value(right, d);
        int c = compareValues(l, r);
        if (c == Integer.MIN_VALUE) {
            return Truth.UNKNOWN;
        }
        if (e instanceof EqualsTo) {
            return Truth.of(c == 0);
        }
        if (e instanceof NotEqualsTo) {
            return Truth.of(c != 0);
        }
        if (e instanceof GreaterThan) {
            return Truth.of(c > 0);
        }
        if (e instanceof GreaterThanEquals) {
            return Truth.of(c >= 0);
        }
        if (e instanceof MinorThan) {
            return Truth.of(c < 0);
        }
        return Truth.of(c <= 0);
    }

    private Truth between(Between b, int d) {
        Object v = value(b.getLeftExpression(), d);
        int lo = compareValues(v, value(b.getBetweenExpressionStart(), d));
        int hi = compareValues(v, value(b.getBetweenExpressionEnd(), d));
        if (lo == Integer.MIN_VALUE || hi == Integer.MIN_VALUE) {
            return Truth.UNKNOWN;
        }
        return Truth.of((lo >= 0 && hi <= 0) != b.isNot());
    }

    private Truth in(InExpression in, int d) {
        Expression left = in.getLeftExpression();
        if (!(in.getRightExpression() instanceof ExpressionList<?> list)) {
            return Truth.UNKNOWN;
        }
        Object v = value(left, d);
        boolean unknown = false;
        for (Expression item : list) {
            if (sameColumn(left, item)) {
                return Truth.of(!in.isNot());
            }
            for (Object candidate : expand(value(item, d))) {
                int c = compareValues(v, candidate);
                if (c == 0) {
                    return Truth.of(!in.isNot());
                }
                unknown |= c == Integer.MIN_VALUE;
            }
        }
        return unknown ? Truth.UNKNOWN : Truth.of(in.isNot());
    }

    private static List<Object> expand(Object v) {
        if (v instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return List.of(v);
    }

    private Truth like(LikeExpression like, int d) {
        Object pattern = value(like.getRightExpression(), d);
        Object v = value(like.getLeftExpression(), d);
        if (!(pattern instanceof String p) || like.getEscape() != null) {
            return Truth.UNKNOWN;
        }
        if (v == Values.UNKNOWN || v instanceof List) {
            // col LIKE '%' matches every non-NULL value
            return allPercent(p) && like.getLeftExpression() instanceof Column ? Truth.of(!like.isNot()) : Truth.UNKNOWN;
        }
        if (v == NULL) {
            return Truth.UNKNOWN;
        }
        boolean ci = like.isCaseInsensitive() || dialect == Dialect.MYSQL || dialect == Dialect.GENERIC;
        String s = String.valueOf(v instanceof BigDecimal n ? n.toPlainString() : v);
        boolean m = ci ? LikeMatcher.matches(s.toLowerCase(Locale.ROOT), p.toLowerCase(Locale.ROOT))
                : LikeMatcher.matches(s, p);
        return Truth.of(m != like.isNot());
    }

    private static boolean allPercent(String p) {
        if (p.isEmpty()) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) != '%') {
                return false;
            }
        }
        return true;
    }

    private static boolean sameColumn(Expression a, Expression b) {
        if (a instanceof Column x && b instanceof Column y && !isBooleanWord(x) && !isBooleanWord(y)) {
            return x.getFullyQualifiedName().equalsIgnoreCase(y.getFullyQualifiedName());
        }
        return false;
    }

    private static boolean isBooleanWord(Column c) {
        return c.getTable() == null && (c.getColumnName().equalsIgnoreCase("true") || c.getColumnName().equalsIgnoreCase("false"));
    }

    /** The constant value of an expression: BigDecimal, String, Boolean, List, NULL or UNKNOWN. */
    Object value(Expression e, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return Values.UNKNOWN;
        }
        int d = depth + 1;
        if (e instanceof LongValue lv) {
            return literal(lv.getStringValue());
        }
        if (e instanceof DoubleValue) {
            // never produced from our parse text (numbers are integer markers); a value we can't place
            return Values.UNKNOWN;
        }
        if (e instanceof StringValue sv) {
            return literal(sv.getValue());
        }
        if (e instanceof JdbcParameter p) {
            Integer index = p.getIndex();
            return index == null ? Values.UNKNOWN : normalize(values.parameter(index));
        }
        if (e instanceof NullValue) {
            return NULL;
        }
        if (e instanceof BooleanValue b) {
            return b.getValue();
        }
        if (e instanceof Column c && isBooleanWord(c)) {
            return Boolean.parseBoolean(c.getColumnName().toLowerCase(Locale.ROOT));
        }
        if (e instanceof SignedExpression s) {
            Object v = value(s.getExpression(), d);
            if (v instanceof BigDecimal n) {
                return s.getSign() == '-' ? n.negate() : n;
            }
            return s.getSign() == '+' ? v : Values.UNKNOWN;
        }
        if (e instanceof CastExpression cast) {
            return value(cast.getLeftExpression(), d);
        }
        if (e instanceof ExpressionList<?> list && list.size() == 1) {
            return value(list.get(0), d);
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication) {
            BinaryExpression b = (BinaryExpression) e;
            BigDecimal l = number(value(b.getLeftExpression(), d));
            BigDecimal r = number(value(b.getRightExpression(), d));
            if (l == null || r == null) {
                return Values.UNKNOWN;
            }
            return e instanceof Addition ? l.add(r) : e instanceof Subtraction ? l.subtract(r) : l.multiply(r);
        }
        if (e instanceof Concat concat) {
            Object l = value(concat.getLeftExpression(), d);
            Object r = value(concat.getRightExpression(), d);
            if (l instanceof String || l instanceof BigDecimal) {
                if (r instanceof String || r instanceof BigDecimal) {
                    return text(l) + text(r);
                }
            }
            return Values.UNKNOWN;
        }
        if (e instanceof Function f) {
            return function(f, d);
        }
        PlainSelect row = constantRow(e);
        if (row != null && row.getSelectItems() != null && row.getSelectItems().size() == 1) {
            // (SELECT 1) = 1
            return value(row.getSelectItems().get(0).getExpression(), d);
        }
        Truth t = e instanceof Column ? Truth.UNKNOWN : truthOrUnknown(e, d);
        return t == Truth.UNKNOWN ? Values.UNKNOWN : (Object) (t == Truth.TRUE);
    }

    /** The subquery when it is {@code (SELECT <expressions>)} without FROM, WHERE, GROUP BY or HAVING, else null. */
    private static PlainSelect constantRow(Expression e) {
        if (e instanceof ParenthesedSelect ps && ps.getSelect() instanceof PlainSelect p && p.getFromItem() == null
                && p.getWhere() == null && p.getHaving() == null && p.getGroupBy() == null
                && (p.getWithItemsList() == null || p.getWithItemsList().isEmpty()) && p.getLimit() == null) {
            return p;
        }
        return null;
    }

    private Truth truthOrUnknown(Expression e, int d) {
        if (e instanceof AndExpression || e instanceof OrExpression || e instanceof NotExpression
                || e instanceof EqualsTo || e instanceof NotEqualsTo || e instanceof GreaterThan
                || e instanceof GreaterThanEquals || e instanceof MinorThan || e instanceof MinorThanEquals
                || e instanceof IsNullExpression || e instanceof Between || e instanceof InExpression
                || e instanceof LikeExpression) {
            return truth(e, d);
        }
        return Truth.UNKNOWN;
    }

    /** A few pure functions attackers wrap constants in: lower('A') = 'a', coalesce(1, 0) = 1. */
    private Object function(Function f, int d) {
        String name = Names.function(f.getName());
        ExpressionList<?> params = f.getParameters();
        if (params == null || params.isEmpty()) {
            return Values.UNKNOWN;
        }
        Object first = value(params.get(0), d);
        switch (name) {
            case "lower", "lcase" -> {
                return first instanceof String s ? s.toLowerCase(Locale.ROOT) : Values.UNKNOWN;
            }
            case "upper", "ucase" -> {
                return first instanceof String s ? s.toUpperCase(Locale.ROOT) : Values.UNKNOWN;
            }
            case "trim" -> {
                return first instanceof String s ? s.trim() : Values.UNKNOWN;
            }
            case "abs" -> {
                return first instanceof BigDecimal n ? n.abs() : Values.UNKNOWN;
            }
            case "coalesce", "ifnull", "nvl" -> {
                for (Expression p : params) {
                    Object v = value(p, d);
                    if (v != NULL) {
                        return v;
                    }
                }
                return NULL;
            }
            default -> {
                return Values.UNKNOWN;
            }
        }
    }

    private Object literal(String marker) {
        long k;
        try {
            k = Long.parseLong(marker);
        } catch (NumberFormatException e) {
            return Values.UNKNOWN;
        }
        return values.literal(k);
    }

    private static Object normalize(Object v) {
        if (v == Values.UNKNOWN || v == null) {
            return Values.UNKNOWN;
        }
        if (v instanceof BigDecimal || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number n) {
            BigDecimal b = number(n.toString());
            return b == null ? Values.UNKNOWN : b;
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        return String.valueOf(v);
    }

    private static String text(Object v) {
        return v instanceof BigDecimal n ? n.toPlainString() : String.valueOf(v);
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal n) {
            return n;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Compares two constants; Integer.MIN_VALUE when they can't be compared here (unknown, NULL, lists). */
    private int compareValues(Object a, Object b) {
        if (a == Values.UNKNOWN || b == Values.UNKNOWN || a == NULL || b == NULL || a instanceof List || b instanceof List) {
            return Integer.MIN_VALUE;
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            Truth x = truthOfValue(a);
            Truth y = truthOfValue(b);
            return x == Truth.UNKNOWN || y == Truth.UNKNOWN ? Integer.MIN_VALUE : (x == y ? 0 : (x == Truth.TRUE ? 1 : -1));
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            if (x == null || y == null) {
                // MySQL reads a non-numeric string as 0 in a numeric comparison
                if (dialect != Dialect.MYSQL) {
                    return Integer.MIN_VALUE;
                }
                x = x == null ? BigDecimal.ZERO : x;
                y = y == null ? BigDecimal.ZERO : y;
            }
            return Integer.signum(x.compareTo(y));
        }
        String x = (String) a;
        String y = (String) b;
        if (dialect == Dialect.MYSQL || dialect == Dialect.GENERIC) {
            // MySQL's default collations ignore case and trailing spaces
            x = stripTrailingSpaces(x).toLowerCase(Locale.ROOT);
            y = stripTrailingSpaces(y).toLowerCase(Locale.ROOT);
        }
        return Integer.signum(x.compareTo(y));
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * The same row-dependent expression on both sides ({@code (id, 1) = (id, 1)}, {@code lower(x) = lower(x)}): as
     * reflexive as {@code id = id}, unless it calls something that differs per call (random, uuid, sequences).
     */
    private static boolean sameRowExpression(Expression a, Expression b) {
        if (a instanceof Column || b instanceof Column) {
            return false; // sameColumn decides those
        }
        String x = a.toString();
        if (!x.equalsIgnoreCase(b.toString())) {
            return false;
        }
        ExpressionScan scan = ExpressionScan.of(a);
        if (scan.columns.isEmpty() || scan.parameters) {
            return false;
        }
        String lower = x.toLowerCase(java.util.Locale.ROOT);
        for (String volatileCall : new String[] {"rand", "random", "uuid", "newid", "nextval", "next value", "sys_guid"}) {
            if (lower.contains(volatileCall)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Row values equal element by element ({@code (id, 1) = (id, 1)}): the same column, or equal literal values
     * (literals reach the parser as markers, so their values are compared, not their text).
     */
    private boolean sameRowValue(Expression a, Expression b, int d) {
        if (!(a instanceof ExpressionList<?> x) || !(b instanceof ExpressionList<?> y) || x.size() != y.size()
                || x.size() < 2) {
            return false;
        }
        boolean anyColumn = false;
        for (int i = 0; i < x.size(); i++) {
            Expression l = x.get(i);
            Expression r = y.get(i);
            if (sameColumn(l, r) || sameRowExpression(l, r)) {
                anyColumn = true;
                continue;
            }
            Object lv = value(l, d);
            Object rv = value(r, d);
            if (lv == Values.UNKNOWN || rv == Values.UNKNOWN || compareValues(lv, rv) != 0) {
                return false;
            }
        }
        return anyColumn;
    }
}
