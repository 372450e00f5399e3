package org.mlopt.check;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;
import org.mlopt.schema.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Learns a declared dataset's shape: a CSV's header and target column (E801, E802, E803), or a
 * synthetic generator's parameters.
 */
final class DataSources {

    /** A numeric whole-number target with at most this many values is taken as classes under {@code task: auto}. */
    static final int MAX_AUTO_CLASSES = 20;

    private final CheckContext ctx;

    DataSources(CheckContext ctx) {
        this.ctx = ctx;
    }

    /** The dataset's info, or null when it cannot be known (an error was reported, or the source is opaque). */
    DatasetInfo describe(Statement.Data s, Resolved source) {
        String name = s.name().text();
        if (source.name().equals("csv")) return csv(name, source);
        return synthetic(name, source);
    }

    private DatasetInfo synthetic(String name, Resolved r) {
        int samples = (int) r.number("samples", -1);
        int features = (int) r.number("features", 2);
        boolean regression = r.name().contains("regression");
        int classes = (int) r.number("classes", r.number("centers", 2));
        if (regression) return new DatasetInfo(name, null, featureNames(features), "y", Task.REGRESSION, List.of(), samples, null, null, 1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.max(0, classes); i++) names.add(Integer.toString(i));
        return new DatasetInfo(name, null, featureNames(features), "y", classes == 2 ? Task.BINARY : Task.MULTICLASS, names, samples,
                null, null, 1);
    }

    private static List<String> featureNames(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(0, n); i++) out.add("x" + i);
        return out;
    }

    private DatasetInfo csv(String name, Resolved r) {
        Expr pathExpr = r.arg("path");
        if (pathExpr == null && !r.args().isEmpty()) pathExpr = r.args().values().iterator().next();
        if (!(pathExpr instanceof Expr.StringLit pathLit)) return null;
        Path file;
        try {
            file = ctx.baseDir.resolve(pathLit.value()).normalize();
        } catch (InvalidPathException e) {
            ctx.diagnostics.error(ErrorCode.E801, pathLit.span(), "'" + pathLit.value() + "' is not a valid file path");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            ctx.diagnostics.error(ErrorCode.E801, pathLit.span(), "data file '" + pathLit.value() + "' not found",
                    "note: looked for " + file + " (relative paths resolve against the script's folder)");
            return null;
        }
        String fileName = file.getFileName().toString();
        DataHeaderReader.Header header = DataHeaderReader.header(file);
        if (header.error() != null) {
            ctx.diagnostics.error(ErrorCode.E802, pathLit.span(), "cannot read the header of " + fileName + ": " + header.error());
            return null;
        }
        List<String> columns = header.columns();
        if (columns.size() < 2) {
            ctx.diagnostics.error(ErrorCode.E802, pathLit.span(), fileName + " has " + Values.plural(columns.size(), "column")
                    + ": it needs at least one feature and a target");
            return null;
        }
        Expr targetExpr = r.arg("target");
        String target = targetExpr instanceof Expr.StringLit t ? t.value() : columns.get(columns.size() - 1);
        int column = columns.indexOf(target);
        if (column < 0) {
            String[] note = Suggest.note(target, columns);
            if (note.length == 0) note = new String[] {"note: the columns are " + shortList(columns)};
            ctx.diagnostics.error(ErrorCode.E803, targetExpr.span(), "target column '" + target + "' is not in " + fileName, note);
            return null;
        }
        DataHeaderReader.TargetScan scan;
        try {
            scan = DataHeaderReader.scanTarget(file, column, columns.size());
        } catch (IOException | RuntimeException e) {
            ctx.diagnostics.error(ErrorCode.E802, pathLit.span(), "cannot read " + fileName + ": " + e.getMessage());
            return null;
        }
        if (scan.badLine() > 0) {
            ctx.diagnostics.error(ErrorCode.E802, pathLit.span(), fileName + " line " + scan.badLine() + " has " + scan.badFields()
                    + " fields, but the header names " + columns.size() + " columns");
            return null;
        }
        List<String> features = new ArrayList<>(columns);
        features.remove(column);
        String task = r.word("task", "auto");
        boolean classification;
        if (task.equals("classification")) classification = true;
        else if (task.equals("regression")) {
            if (!scan.numeric()) {
                ctx.diagnostics.error(ErrorCode.E303, r.spanOf("task"), "task: regression needs a numeric target, but '" + target + "' in "
                        + fileName + " holds text such as '" + scan.firstText() + "'");
                return null;
            }
            classification = false;
        } else classification = !scan.numeric() || scan.whole() && scan.distinct().size() <= MAX_AUTO_CLASSES;
        if (!classification)
            return new DatasetInfo(name, file, features, target, Task.REGRESSION, List.of(), scan.rows(), null, null, 1);
        List<String> classes = new ArrayList<>(scan.distinct());
        if (scan.numeric()) classes.sort(Comparator.comparingDouble(Double::parseDouble));
        else classes.sort(Comparator.naturalOrder());
        Task t = classes.size() <= 2 ? Task.BINARY : Task.MULTICLASS;
        return new DatasetInfo(name, file, features, target, t, classes, scan.rows(), null, null, 1);
    }

    private static String shortList(List<String> columns) {
        if (columns.size() <= 8) return String.join(", ", columns);
        return String.join(", ", columns.subList(0, 6)) + ", ... " + columns.get(columns.size() - 1);
    }
}
