package dev.governance.jdbc;

import java.sql.ResultSet;

/**
 * What {@code resultSet.unwrap(GovernedResultSet.class)} gives for any result a governed connection returns: the
 * governed result itself, which can tell which of its columns are masked for the identity that ran the statement.
 */
public interface GovernedResultSet extends ResultSet {

    /**
     * True when every value of result column {@code column} (1-based) is masked for this identity by name or rule
     * (values of other columns that look sensitive are masked when read, too).
     */
    boolean masked(int column);
}
