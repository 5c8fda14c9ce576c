/**
 * A miniature of the driver's package layout that breaks every rule of
 * {@link dev.governance.jdbc.architecture.ArchitectureRules}: the negative control proving the rules can fail.
 * Nothing here runs.
 */
package dev.governance.archfixture;
