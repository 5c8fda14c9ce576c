/** JMH benchmarks: the raw driver against the governed one, in the same run. */
package dev.governance.jdbc.benchmarks;
