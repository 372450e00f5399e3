package org.mlopt.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.mlopt.diag.Suggest;

/**
 * {@code one_hot(columns)}: replaces each named column by one 0/1 column per category seen in
 * the training part, named {@code column=category}. Text columns (kept by the CSV reader as
 * categories) have their categories sorted lexicographically, numeric columns numerically, as
 * scikit-learn's {@code OneHotEncoder}. The indicator columns are appended after the remaining
 * numeric features, in the order of {@code columns}. A category not seen in training, or a
 * missing value, encodes as all zeros ({@code handle_unknown='ignore'}).
 */
public record OneHot(List<String> columns) implements Preprocessor {

    public OneHot {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("one_hot needs at least one column");
    }

    @Override
    public Fitted fit(Dataset train) {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (String c : columns) {
            String[] text = train.categorical().get(c);
            if (text != null) {
                TreeSet<String> s = new TreeSet<>();
                for (String v : text) if (v != null) s.add(v);
                categories.put(c, new ArrayList<>(s));
                continue;
            }
            int j = train.featureNames().indexOf(c);
            if (j < 0) {
                List<String> all = new ArrayList<>(train.featureNames());
                all.addAll(train.categorical().keySet());
                throw new DataException(null, train.source(), 0, 0, null, "one_hot: no feature column '" + c + "'"
                        + Suggest.closest(c, all).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
            TreeMap<Double, String> s = new TreeMap<>();
            DMatrixRMaj x = train.features();
            for (int i = 0; i < x.numRows; i++) {
                double v = x.get(i, j);
                if (!Double.isNaN(v)) s.put(v, numericName(v));
            }
            categories.put(c, new ArrayList<>(s.values()));
        }
        return new Fitted(categories);
    }

    static String numericName(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Fitted encoding: the categories of each encoded column, in output order. */
    public record Fitted(Map<String, List<String>> categories) implements Preprocessor.Fitted {
        @Override
        public Dataset transform(Dataset data) {
            List<String> keptNames = new ArrayList<>();
            List<Integer> keptCols = new ArrayList<>();
            for (int j = 0; j < data.numFeatures(); j++) {
                String name = data.featureNames().get(j);
                if (!categories.containsKey(name)) {
                    keptNames.add(name);
                    keptCols.add(j);
                }
            }
            int width = keptCols.size();
            for (List<String> cats : categories.values()) width += cats.size();
            int n = data.numRows();
            DMatrixRMaj src = data.features();
            DMatrixRMaj x = new DMatrixRMaj(n, width);
            List<String> names = new ArrayList<>(keptNames);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < keptCols.size(); k++) x.set(i, k, src.get(i, keptCols.get(k)));
            int offset = keptCols.size();
            Map<String, String[]> remaining = new LinkedHashMap<>(data.categorical());
            for (Map.Entry<String, List<String>> e : categories.entrySet()) {
                String column = e.getKey();
                Map<String, Integer> index = new LinkedHashMap<>();
                for (String cat : e.getValue()) {
                    index.put(cat, index.size());
                    names.add(column + "=" + cat);
                }
                String[] text = remaining.remove(column);
                int j = data.featureNames().indexOf(column);
                if (text == null && j < 0) throw new DataException(null, data.source(), 0, 0, null, "one_hot: no column '" + column + "'");
                for (int i = 0; i < n; i++) {
                    String v;
                    if (text != null) v = text[i];
                    else v = Double.isNaN(src.get(i, j)) ? null : numericName(src.get(i, j));
                    Integer k = v == null ? null : index.get(v);
                    if (k != null) x.set(i, offset + k, 1.0);
                }
                offset += e.getValue().size();
            }
            return data.withFeatures(names, x, remaining);
        }
    }
}
