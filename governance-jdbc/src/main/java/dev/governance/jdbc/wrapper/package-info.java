/**
 * The governed JDBC objects: thin wrappers that translate each JDBC call into a call on the connection's
 * {@link dev.governance.jdbc.gate.Session} and decide nothing themselves.
 *
 * <p>Naming: {@code Governed*} (in {@code dev.governance.jdbc}) are the public types a user names in code,
 * configuration or {@code unwrap}: {@code GovernedDriver}, {@code GovernedDataSource}, {@code GovernedConnection},
 * {@code GovernedResultSet}. The classes here implement them and the rest of JDBC, each named after the JDBC
 * interface it wraps plus {@code Wrapper} ({@code ConnectionWrapper} is the {@code GovernedConnection},
 * {@code ResultSetWrapper} the {@code GovernedResultSet}, {@code DatabaseMetaDataWrapper} wraps
 * {@code DatabaseMetaData}). They are public only because the driver and the data source create them; user code
 * should name the {@code Governed*} interfaces, never these classes.
 */
package dev.governance.jdbc.wrapper;
