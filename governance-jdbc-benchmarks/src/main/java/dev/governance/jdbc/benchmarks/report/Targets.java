package dev.governance.jdbc.benchmarks.report;

import java.util.Map;

/** The agent's targets (ratio to raw, default sinks), per workload and database. */
final class Targets {
    /** Time per operation: at most this ratio. Throughput: at least. */
    record Target(double ratio, boolean atLeast) {
        String text() {
            return (atLeast ? "≥ " : "≤ ") + Report.ratio(ratio);
        }

        String verdict(double measured, double error) {
            return Targets.verdict(measured, Double.isNaN(error) ? 0 : error, ratio, atLeast);
        }
    }

    /** met, missed, or within error (the target lies inside the measured interval). */
    static String verdict(double measured, double error, double target, boolean atLeast) {
        double low = measured - error;
        double high = measured + error;
        boolean met = atLeast ? low >= target : high <= target;
        boolean missed = atLeast ? high < target : low > target;
        return met ? "met" : missed ? "**missed**" : "within error";
    }

    private static final Map<Result.Row, Target> AGENT = Map.of(
            new Result.Row("StatementBenchmark.preparedPointQuery", "postgresql", ""), new Target(1.03, false),
            new Result.Row("StatementBenchmark.adHocQuery", "postgresql", ""), new Target(1.05, false),
            new Result.Row("ResultReadBenchmark.read100kRows", "postgresql", "0"), new Target(1.05, false),
            new Result.Row("ResultReadBenchmark.read100kRows", "postgresql", "2"), new Target(1.20, false),
            new Result.Row("PoolBenchmark.pooled64Threads", "postgresql", ""), new Target(0.95, true),
            new Result.Row("StatementBenchmark.preparedPointQuery", "h2", ""), new Target(1.5, false),
            new Result.Row("StatementBenchmark.adHocQuery", "h2", ""), new Target(2.0, false));

    /** The audit writer alone: records per second, sustained, with the hash chain. */
    static final double WRITER_RECORDS_PER_SECOND = 250_000;

    private Targets() {
    }

    static Target agent(Result.Row row) {
        return AGENT.get(row);
    }
}
