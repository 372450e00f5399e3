package org.mlopt.check;

import org.mlopt.schema.Task;

import java.nio.file.Path;
import java.util.List;

/**
 * What the checker learned about a dataset without loading it: the header of its file (or the
 * shape of a synthetic generator), the target's task and classes. A split part carries its
 * parent's information and its own role.
 *
 * @param file     the resolved CSV file, or null for a synthetic source
 * @param rows     the number of data rows when known (synthetic, or counted while reading the target), else -1
 * @param classes  class names in sorted order for classification, empty for regression
 * @param parent   the dataset this one was split from, or null for a declared dataset
 * @param role     "train", "test", "valid" or another part name for split parts; null otherwise
 * @param fraction the part's share of its parent, or 1 for a declared dataset
 */
public record DatasetInfo(String name, Path file, List<String> featureNames, String target, Task task,
                          List<String> classes, int rows, String parent, String role, double fraction) {

    public DatasetInfo {
        featureNames = List.copyOf(featureNames);
        classes = List.copyOf(classes);
    }

    public int features() {
        return featureNames.size();
    }

    /** Output units a model needs: 1 for regression and binary logistic models, else the class count. */
    public int outputs() {
        return task == Task.REGRESSION ? 1 : classes.size();
    }

    /** A part whose role marks it as held-out test data. */
    public boolean isTest() {
        return role != null && role.startsWith("test");
    }

    public int estimatedRows() {
        return rows < 0 ? -1 : (int) Math.round(rows * fraction);
    }
}
