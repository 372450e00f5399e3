package org.mlopt.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;
import org.mlopt.schema.Task;

/**
 * Reads a CSV file with a header row into a {@link Dataset}.
 *
 * <p>Format: comma-separated, RFC 4180 quoting ({@code "a, b"}, {@code ""} for a quote), LF or
 * CRLF line ends, an optional UTF-8 byte order mark, blank lines ignored. Missing values are
 * empty cells, {@code NA}, {@code NaN} and {@code ?}.
 *
 * <p>Target task (when {@link TaskHint#AUTO}): any non-numeric target value means
 * classification; a numeric target of whole numbers with at most 20 distinct values is
 * classification too, otherwise regression. Classes are sorted numerically when all numeric,
 * else lexicographically.
 */
public final class CsvReader {

    /** What the script says about the task. */
    public enum TaskHint { AUTO, CLASSIFICATION, REGRESSION }

    /**
     * Reading options.
     *
     * @param target       target column name, or null for the last column
     * @param task         the task, or AUTO to infer it
     * @param allowMissing keep missing feature values as NaN (when an imputer is declared)
     * @param categorical  feature columns to keep as strings (for one_hot)
     */
    public record Options(String target, TaskHint task, boolean allowMissing, Set<String> categorical) {
        public Options {
            categorical = Set.copyOf(categorical);
        }

        public static Options defaults() {
            return new Options(null, TaskHint.AUTO, false, Set.of());
        }

        public Options withTarget(String t) {
            return new Options(t, task, allowMissing, categorical);
        }

        public Options withTask(TaskHint t) {
            return new Options(target, t, allowMissing, categorical);
        }

        public Options withMissing(boolean allow) {
            return new Options(target, task, allow, categorical);
        }

        public Options withCategorical(Set<String> columns) {
            return new Options(target, task, allowMissing, columns);
        }
    }

    /** Most distinct whole-number target values still read as classes under AUTO. */
    public static final int MAX_AUTO_CLASSES = 20;

    private CsvReader() {}

    /** Reads {@code path} with {@code options}. */
    public static Dataset read(Path path, Options options) {
        try (Reader in = open(path)) {
            return parse(new CsvLexer(fileName(path), in), options);
        } catch (IOException e) {
            throw new DataException(ErrorCode.E801, path.toString(), 0, 0, null, "cannot read the file: " + e.getMessage());
        }
    }

    /** Parses CSV text; {@code file} names the source in messages. */
    public static Dataset parse(String file, String text, Options options) {
        return parse(new CsvLexer(file, new StringReader(text)), options);
    }

    /** What the checker needs to know about a CSV file without loading its data. */
    public record Summary(List<String> header, String target, Task task, List<String> classes, int rows) {}

    /**
     * Reads the header and scans only the target column (keeping its distinct values, not the
     * data): the column names, the target, the inferred task, the sorted classes (empty for
     * regression) and the number of data rows. Errors as {@link #read}.
     */
    public static Summary inspect(Path path, Options options) {
        try (Reader in = open(path)) {
            CsvLexer lexer = new CsvLexer(fileName(path), in);
            Header h = header(lexer, options);
            Map<String, Integer> distinct = new LinkedHashMap<>();
            int rows = 0;
            while (lexer.next()) {
                checkWidth(lexer, h);
                String cell = targetCell(lexer, h);
                distinct.putIfAbsent(cell, lexer.line());
                rows++;
            }
            if (rows == 0) throw new DataException(ErrorCode.E802, lexer.file(), h.line, 0, null, "the file has a header but no data rows");
            List<String> values = new ArrayList<>(distinct.keySet());
            int[] lines = distinct.values().stream().mapToInt(Integer::intValue).toArray();
            Target t = inferTarget(lexer.file(), h.names.get(h.target), h.target + 1, values, lines, options.task());
            Task task = !t.classification ? Task.REGRESSION : t.classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
            return new Summary(List.copyOf(h.names), h.names.get(h.target), task, t.classification ? t.classes : List.of(), rows);
        } catch (IOException e) {
            throw new DataException(ErrorCode.E801, path.toString(), 0, 0, null, "cannot read the file: " + e.getMessage());
        }
    }

    private static Reader open(Path path) throws IOException {
        try {
            return new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException(ErrorCode.E801, path.toString(), 0, 0, null, "file not found");
        }
    }

    private static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /** The header's column names, its line and the target column index. */
    private record Header(List<String> names, int line, int target) {}

    private static Header header(CsvLexer lexer, Options options) {
        String file = lexer.file();
        if (!lexer.next()) throw new DataException(ErrorCode.E802, file, 0, 0, null, "the file is empty");
        int line = lexer.line();
        List<String> header = lexer.fields();
        int d = header.size();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < d; c++) {
            String h = header.get(c).strip();
            header.set(c, h);
            if (h.isEmpty()) throw new DataException(ErrorCode.E802, file, line, c + 1, null, "the header has an empty column name");
            Integer prev = seen.put(h, c);
            if (prev != null)
                throw new DataException(ErrorCode.E802, file, line, c + 1, h, "duplicate column name (also column " + (prev + 1) + ")");
        }
        int target = d - 1;
        if (options.target() != null) {
            Integer t = seen.get(options.target());
            if (t == null) {
                String hint = Suggest.closest(options.target(), header).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new DataException(ErrorCode.E803, file, line, 0, null, "no target column '" + options.target() + "' in the header" + hint);
            }
            target = t;
        }
        if (d < 2) throw new DataException(ErrorCode.E802, file, line, 0, null, "needs at least one feature column and a target column");
        return new Header(header, line, target);
    }

    private static void checkWidth(CsvLexer lexer, Header h) {
        int d = h.names.size();
        if (lexer.size() != d)
            throw new DataException(null, lexer.file(), lexer.line(), 0, null,
                    "the row has " + lexer.size() + " field" + (lexer.size() == 1 ? "" : "s") + " but the header has " + d);
    }

    private static String targetCell(CsvLexer lexer, Header h) {
        if (lexer.isMissing(h.target))
            throw new DataException(null, lexer.file(), lexer.line(), h.target + 1, h.names.get(h.target), "missing target value");
        return lexer.field(h.target).strip();
    }

    private static Dataset parse(CsvLexer lexer, Options options) {
        String file = lexer.file();
        Header h = header(lexer, options);
        List<String> header = h.names;
        int d = header.size();
        int targetCol = h.target;
        for (String c : options.categorical())
            if (!header.contains(c) || header.indexOf(c) == targetCol)
                throw new DataException(null, file, h.line, 0, null, "no feature column '" + c + "' to encode"
                        + Suggest.closest(c, header).map(s -> "; did you mean '" + s + "'?").orElse(""));

        // Column roles: numeric feature slot, categorical slot, or target.
        int[] numericSlot = new int[d];
        int[] categoricalSlot = new int[d];
        List<String> numericNames = new ArrayList<>();
        List<String> categoricalNames = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            numericSlot[c] = -1;
            categoricalSlot[c] = -1;
            if (c == targetCol) continue;
            if (options.categorical().contains(header.get(c))) {
                categoricalSlot[c] = categoricalNames.size();
                categoricalNames.add(header.get(c));
            } else {
                numericSlot[c] = numericNames.size();
                numericNames.add(header.get(c));
            }
        }
        int p = numericNames.size();
        double[] x = new double[Math.max(16, 64 * p)];
        List<List<String>> cats = new ArrayList<>();
        for (int i = 0; i < categoricalNames.size(); i++) cats.add(new ArrayList<>());
        List<String> targetRaw = new ArrayList<>();
        int[] targetLines = new int[64];
        int n = 0;
        while (lexer.next()) {
            int line = lexer.line();
            checkWidth(lexer, h);
            if ((n + 1) * p > x.length) x = Arrays.copyOf(x, Math.max(x.length * 2, (n + 1) * p));
            if (n >= targetLines.length) targetLines = Arrays.copyOf(targetLines, n * 2);
            targetLines[n] = line;
            for (int c = 0; c < d; c++) {
                if (c == targetCol) {
                    targetRaw.add(targetCell(lexer, h));
                } else if (categoricalSlot[c] >= 0) {
                    cats.get(categoricalSlot[c]).add(lexer.isMissing(c) ? null : lexer.field(c).strip());
                } else {
                    double v;
                    if (lexer.isMissing(c)) {
                        if (!options.allowMissing())
                            throw new DataException(null, file, line, c + 1, header.get(c),
                                    "missing value '" + lexer.field(c) + "' (declare impute(...) in preprocess to fill missing values)");
                        v = Double.NaN;
                    } else {
                        v = lexer.number(c);
                        if (Double.isInfinite(v))
                            throw new DataException(null, file, line, c + 1, header.get(c),
                                    "infinite value '" + lexer.field(c) + "' (features must be finite)");
                        if (Double.isNaN(v))
                            throw new DataException(null, file, line, c + 1, header.get(c),
                                    "not a number: '" + lexer.field(c) + "' (a text column needs one_hot(columns: [\"" + header.get(c) + "\"]))");
                    }
                    x[n * p + numericSlot[c]] = v;
                }
            }
            n++;
        }
        if (n == 0) throw new DataException(ErrorCode.E802, file, h.line, 0, null, "the file has a header but no data rows");
        DMatrixRMaj features = new DMatrixRMaj(n, p);
        System.arraycopy(x, 0, features.data, 0, n * p);
        Map<String, String[]> categorical = new LinkedHashMap<>();
        for (int i = 0; i < categoricalNames.size(); i++) categorical.put(categoricalNames.get(i), cats.get(i).toArray(new String[0]));
        return buildTarget(file, header.get(targetCol), targetCol + 1, targetRaw, targetLines, options.task(),
                numericNames, features, categorical);
    }

    /** The target's kind and sorted classes, with each class's number (NaN for text classes). */
    private record Target(boolean classification, boolean numeric, List<String> classes, double[] classValues) {}

    private static Target inferTarget(String file, String targetName, int targetIndex, List<String> raw, int[] lines, TaskHint hint) {
        int n = raw.size();
        double[] values = new double[n];
        boolean allNumeric = true;
        boolean allWhole = true;
        int firstText = -1;
        for (int i = 0; i < n; i++) {
            values[i] = parseNumber(raw.get(i));
            if (Double.isNaN(values[i])) {
                if (allNumeric) firstText = i;
                allNumeric = false;
            } else if (values[i] != Math.rint(values[i])) allWhole = false;
        }
        boolean classification;
        if (hint == TaskHint.REGRESSION) {
            if (!allNumeric)
                throw new DataException(null, file, lines[firstText], targetIndex, targetName,
                        "regression needs a numeric target, found '" + raw.get(firstText) + "'");
            classification = false;
        } else if (hint == TaskHint.CLASSIFICATION || !allNumeric) {
            classification = true;
        } else {
            classification = allWhole && Arrays.stream(values).distinct().limit(MAX_AUTO_CLASSES + 1).count() <= MAX_AUTO_CLASSES;
        }
        if (!classification) return new Target(false, true, List.of(), values);
        List<String> classes = new ArrayList<>();
        if (allNumeric) {
            double[] sorted = Arrays.stream(values).distinct().sorted().toArray();
            for (double v : sorted) classes.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
            if (classes.size() < 2) throw new DataException(null, file, 0, targetIndex, targetName, "the target has only one class; classification needs at least 2");
            return new Target(true, true, classes, sorted);
        }
        classes.addAll(new TreeSet<>(raw));
        if (classes.size() < 2) throw new DataException(null, file, 0, targetIndex, targetName, "the target has only one class; classification needs at least 2");
        return new Target(true, false, classes, null);
    }

    private static Dataset buildTarget(String file, String targetName, int targetIndex, List<String> raw, int[] lines,
                                       TaskHint hint, List<String> names, DMatrixRMaj x, Map<String, String[]> cat) {
        Target t = inferTarget(file, targetName, targetIndex, raw, lines, hint);
        int n = raw.size();
        if (!t.classification) return Dataset.regression(file, names, x, cat, targetName, t.classValues);
        int[] labels = new int[n];
        if (t.numeric) {
            for (int i = 0; i < n; i++) labels[i] = Arrays.binarySearch(t.classValues, parseNumber(raw.get(i)));
        } else {
            Map<String, Integer> index = new HashMap<>();
            for (String c : t.classes) index.put(c, index.size());
            for (int i = 0; i < n; i++) labels[i] = index.get(raw.get(i));
        }
        return Dataset.classification(file, names, x, cat, targetName, labels, t.classes);
    }

    /** True for the cells that mean "no value": empty, NA, NaN, ?. */
    public static boolean isMissing(String cell) {
        String s = cell.strip();
        return s.isEmpty() || s.equals("NA") || s.equals("NaN") || s.equals("?");
    }

    /** The cell as a number, or NaN when it is not one (Java-only forms like "1d" or "0x1p3" are rejected). */
    static double parseNumber(String cell) {
        double fast = CsvLexer.simpleDecimal(cell.toCharArray(), 0, cell.length());
        if (!Double.isNaN(fast)) return fast;
        String s = cell.strip();
        if (s.isEmpty()) return Double.NaN;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                if (s.equals("inf") || s.equals("-inf") || s.equals("Infinity") || s.equals("-Infinity"))
                    return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
