package dev.governance.jdbc.gate;

/** The real database a connection reaches: product name and the real URL without credentials. */
public record DatabaseInfo(String product, String url) {
}
