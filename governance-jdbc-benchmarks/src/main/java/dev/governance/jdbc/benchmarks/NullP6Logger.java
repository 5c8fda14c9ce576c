package dev.governance.jdbc.benchmarks;

import com.p6spy.engine.spy.appender.FormattedLogger;

/** p6spy's work (timing, binding values into the logged text, formatting the line), then nothing written. */
public final class NullP6Logger extends FormattedLogger {
    @Override
    public void logException(Exception e) {
    }

    @Override
    public void logText(String text) {
    }

    @Override
    public boolean isCategoryEnabled(com.p6spy.engine.logging.Category category) {
        return true;
    }
}
