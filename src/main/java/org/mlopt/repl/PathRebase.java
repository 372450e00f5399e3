package org.mlopt.repl;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rewrites the relative file paths of a script (data sources, {@code save} and {@code load}) so
 * they point at the same files from another folder: a loaded script's paths are relative to its
 * own folder, the session's to the working directory, a saved script's to where it is saved.
 */
final class PathRebase {

    private PathRebase() {}

    /** {@code text} with every relative path written against {@code from} rewritten against {@code to}; unchanged if it does not parse. */
    static String rebase(String text, Path from, Path to) {
        Path source = from.toAbsolutePath().normalize();
        Path target = to.toAbsolutePath().normalize();
        if (source.equals(target)) return text;
        ParseResult parsed = ScriptParser.parse("<rebase>", text);
        if (!parsed.ok()) return text;
        List<Expr.StringLit> paths = new ArrayList<>();
        for (Statement s : parsed.program().statements()) collect(s, paths);
        paths.sort(Comparator.comparingInt((Expr.StringLit p) -> p.span().startOffset()).reversed());
        StringBuilder b = new StringBuilder(text);
        for (Expr.StringLit p : paths) {
            String value = p.value();
            if (value.contains("\"") || value.contains("\\") || Path.of(value).isAbsolute()) continue;
            Path file = source.resolve(value).normalize();
            b.replace(p.span().startOffset(), p.span().endOffset(), '"' + moved(file, target) + '"');
        }
        return b.toString();
    }

    /** Relative when the file lies under {@code folder} or its parent, else absolute: {@code ../../..} chains read badly. */
    static String moved(Path file, Path folder) {
        Path parent = folder.getParent();
        Path near = parent == null || parent.getParent() == null ? folder : parent;
        if (!file.startsWith(near)) return file.toString().replace(java.io.File.separatorChar, '/');
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static void collect(Statement s, List<Expr.StringLit> paths) {
        if (s instanceof Statement.Data data) {
            List<Expr.Arg> args = data.source().args();
            for (Expr.Arg a : args) {
                boolean isPath = a.positional() ? a == args.get(0) : a.name().text().equals("path");
                if (isPath && a.value() instanceof Expr.StringLit lit) paths.add(lit);
            }
        } else if (s instanceof Statement.Save save) {
            paths.add(save.path());
        } else if (s instanceof Statement.Load load) {
            paths.add(load.path());
        }
    }
}
