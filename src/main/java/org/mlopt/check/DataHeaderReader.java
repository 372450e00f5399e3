package org.mlopt.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file's header and scans its target column line by line, without keeping the
 * data: enough to know the features, the task and the classes before anything runs.
 */
final class DataHeaderReader {

    /** Distinct target values kept; past this a target is certainly not a set of classes. */
    static final int MAX_DISTINCT = 10_000;

    private DataHeaderReader() {}

    /** The header's column names, or an error message. */
    record Header(List<String> columns, String error) {}

    /**
     * The target column's summary.
     *
     * @param distinct   distinct non-empty values in first-seen order (at most {@link #MAX_DISTINCT})
     * @param numeric    every non-empty value parses as a number
     * @param whole      every non-empty value is a whole number
     * @param badLine    the first line of the file (1-based, header = line 1) whose field count differs from the header's, or -1
     * @param badFields  that row's field count
     */
    record TargetScan(Set<String> distinct, boolean numeric, boolean whole, int rows, int badLine, int badFields,
                      String firstText) {}

    static Header header(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || line.isBlank()) return new Header(List.of(), "the file is empty: its first line must name the columns");
            List<String> cols = fields(stripBom(line));
            for (int i = 0; i < cols.size(); i++)
                if (cols.get(i).isBlank()) return new Header(cols, "column " + (i + 1) + " of the header line has no name");
            return new Header(cols, null);
        } catch (IOException | RuntimeException e) {
            return new Header(List.of(), "cannot read it: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** A file's identity for the cache: a changed size or modification time is a different file. */
    private record Key(Path file, long size, long modified, int column, int columns) {}

    private static final int CACHE_SIZE = 64;
    private static final java.util.Map<Key, TargetScan> CACHE = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Key, TargetScan> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /**
     * The target column's summary; remembered per file version, so re-checking a script (the
     * REPL, an editor, a test suite) does not rescan unchanged files.
     */
    static TargetScan scanTarget(Path file, int column, int columns) throws IOException {
        java.nio.file.attribute.BasicFileAttributes attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        Key key = new Key(file.toAbsolutePath().normalize(), attrs.size(), attrs.lastModifiedTime().toMillis(), column, columns);
        TargetScan cached = CACHE.get(key);
        if (cached != null) return cached;
        TargetScan scan = scan(file, column, columns);
        CACHE.put(key, scan);
        return scan;
    }

    private static TargetScan scan(Path file, int column, int columns) throws IOException {
        Set<String> distinct = new LinkedHashSet<>();
        boolean numeric = true;
        boolean whole = true;
        int rows = 0;
        int badLine = -1;
        int lineNumber = 1;
        int badFields = 0;
        String firstText = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) continue;
                rows++;
                List<String> f = fields(line);
                if (f.size() != columns) {
                    if (badLine < 0) {
                        badLine = lineNumber;
                        badFields = f.size();
                    }
                    continue;
                }
                String v = f.get(column).trim();
                if (v.isEmpty()) continue;
                if (numeric) {
                    Double d = parse(v);
                    if (d == null) {
                        numeric = false;
                        firstText = v;
                    } else {
                        if (d != Math.rint(d)) whole = false;
                        v = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) (double) d) : v;
                    }
                }
                if (distinct.size() < MAX_DISTINCT) distinct.add(v);
            }
        }
        return new TargetScan(java.util.Collections.unmodifiableSet(distinct), numeric, whole, rows, badLine, badFields, firstText);
    }

    private static Double parse(String v) {
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Splits one CSV line; double quotes group a field and {@code ""} inside them is a quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString().trim());
        return out;
    }
}
