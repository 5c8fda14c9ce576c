package dev.governance.jdbc.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH result: which workload, database and contender, its score with the 99.9 % error, and the bytes
 * allocated per operation when {@code -prof gc} ran.
 */
record Result(String workload, Map<String, String> params, String mode, double score, double error, String unit,
              Double bytesPerOp, Map<String, Double> counters) {

    static Result of(JsonNode node) {
        String benchmark = node.get("benchmark").asText();
        String workload = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        Map<String, String> params = new TreeMap<>();
        node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = node.get("primaryMetric");
        double error = primary.path("scoreError").asDouble(Double.NaN);
        Double bytes = null;
        Map<String, Double> counters = new TreeMap<>();
        var secondary = node.path("secondaryMetrics").fields();
        while (secondary.hasNext()) {
            var e = secondary.next();
            if (e.getKey().equals("gc.alloc.rate.norm") || e.getKey().equals("·gc.alloc.rate.norm")) {
                bytes = e.getValue().get("score").asDouble();
            } else if (e.getValue().path("scoreUnit").asText().equals("#")) {
                // an @AuxCounters value set per iteration: the median iteration (JMH sums them over iterations)
                counters.put(e.getKey(), e.getValue().path("scorePercentiles").path("50.0").asDouble());
            }
        }
        return new Result(workload, params, node.get("mode").asText(), primary.get("score").asDouble(), error,
                primary.get("scoreUnit").asText(), bytes, counters);
    }

    String contender() {
        return params.getOrDefault("contender", "");
    }

    boolean throughput() {
        return mode.equals("thrpt");
    }

    /** Workload and the params other than the contender: the row this result belongs to. */
    Row row() {
        Map<String, String> rest = new TreeMap<>(params);
        rest.remove("contender");
        return new Row(workload, rest.getOrDefault("database", ""), rest.getOrDefault("maskedColumns", ""));
    }

    record Row(String workload, String database, String variant) {
    }
}
