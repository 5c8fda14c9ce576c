/**
 * Detection and masking of sensitive data, pure functions with no JDBC state: {@link
 * dev.governance.jdbc.masking.ColumnNameClassifier} (column names), {@link
 * dev.governance.jdbc.masking.ValueScanner} (values, also inside free text), {@link
 * dev.governance.jdbc.masking.MaskingStrategy} and {@link dev.governance.jdbc.masking.Masker} (replacement).
 * See docs/masking.md.
 */
package dev.governance.jdbc.masking;
