package dev.governance.jdbc.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time and allocation of the audit trail's threads (named {@code governance-audit-…}) since the previous
 * sample, by kind: the writer, the sinks' threads, the segment housekeeper. A thread that started since the previous
 * sample counts from zero.
 */
final class AuditThreads {
    static final int WRITER = 0;
    static final int SINK = 1;
    static final int HOUSEKEEPER = 2;
    static final int KINDS = 3;

    private final com.sun.management.ThreadMXBean bean =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private final Map<Long, long[]> last = new HashMap<>();

    /** CPU nanoseconds by kind, and bytes allocated by all of them, since the previous sample. */
    record Sample(long[] cpu, long allocated) {
    }

    Sample sample() {
        long[] cpu = new long[KINDS];
        long allocated = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            int kind = kind(t.getName());
            if (kind < 0) {
                continue;
            }
            long cpuNow = bean.getThreadCpuTime(t.getId());
            long allocatedNow = bean.getThreadAllocatedBytes(t.getId());
            if (cpuNow < 0 || allocatedNow < 0) {
                continue; // ended meanwhile
            }
            long[] before = last.getOrDefault(t.getId(), new long[2]);
            cpu[kind] += cpuNow - before[0];
            allocated += allocatedNow - before[1];
            last.put(t.getId(), new long[] {cpuNow, allocatedNow});
        }
        return new Sample(cpu, allocated);
    }

    static int kind(String name) {
        if (name.startsWith("governance-audit-writer")) {
            return WRITER;
        }
        if (name.startsWith("governance-audit-sink")) {
            return SINK;
        }
        if (name.startsWith("governance-audit-segments")) {
            return HOUSEKEEPER;
        }
        return -1;
    }
}
