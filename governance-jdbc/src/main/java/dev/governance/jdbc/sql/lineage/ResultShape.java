package dev.governance.jdbc.sql.lineage;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a result looks like: its column count and labels (a snapshot of {@link ResultSetMetaData}). */
public interface ResultShape {

    int columnCount();

    /** The label of column {@code index}, 0-based. */
    String label(int index);

    static ResultShape of(List<String> labels) {
        List<String> copy = List.copyOf(labels);
        return new ResultShape() {
            @Override
            public int columnCount() {
                return copy.size();
            }

            @Override
            public String label(int index) {
                return copy.get(index);
            }
        };
    }

    static ResultShape of(ResultSetMetaData metaData) throws SQLException {
        int n = metaData.getColumnCount();
        List<String> labels = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String label = metaData.getColumnLabel(i);
            labels.add(label == null ? "" : label);
        }
        return of(labels);
    }
}
