package dev.governance.jdbc;

/** Placeholder replaced in the next commit. */
public final class GovernedDriver {
}
