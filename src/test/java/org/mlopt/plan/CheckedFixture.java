package org.mlopt.plan;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Program;
import org.mlopt.ast.Statement;
import org.mlopt.check.CheckedProgram;
import org.mlopt.check.DatasetInfo;
import org.mlopt.check.ModelInfo;
import org.mlopt.check.Symbol;
import org.mlopt.diag.SourceText;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.schema.Task;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds {@link CheckedProgram}s for planner tests the way the checker fills its side tables:
 * CSV headers and target columns are read from the file (rows counted), synthetic generators
 * give their declared shape, split parts inherit their parent's info with their fraction and
 * role, networks take their input width from the first statement that uses them and count
 * {@code in*out + out} per dense layer, linear models get {@code d*k + k} parameters.
 */
final class CheckedFixture {

    static final Path EXAMPLES = Path.of("examples");

    private CheckedFixture() {}

    static CheckedProgram check(String name, String text) {
        return check(name, text, EXAMPLES);
    }

    static CheckedProgram check(String name, String text, Path baseDir) {
        SourceText source = new SourceText(name, text);
        ParseResult parsed = ScriptParser.parse(source);
        if (!parsed.ok()) throw new AssertionError("test script does not parse: " + parsed.diagnostics());
        Program ast = parsed.program();
        Map<String, Symbol> symbols = new LinkedHashMap<>();
        Map<String, DatasetInfo> datasets = new HashMap<>();
        Map<String, ModelInfo> models = new HashMap<>();
        for (Statement s : ast.statements()) {
            s.declared().ifPresent(n -> symbols.put(n.text(), new Symbol(n.text(), s.keyword(), s, n.span())));
            if (s instanceof Statement.Data d) datasets.put(d.name().text(), dataset(d, baseDir));
            if (s instanceof Statement.Split sp) {
                DatasetInfo parent = datasets.get(sp.dataset().text());
                for (Statement.SplitPart p : sp.parts()) {
                    String part = p.name().text();
                    symbols.put(part, new Symbol(part, "split", sp, p.name().span()));
                    double fraction = ((Expr.NumberLit) p.fraction()).value();
                    datasets.put(part, new DatasetInfo(part, parent.file(), parent.featureNames(), parent.target(), parent.task(),
                            parent.classes(), parent.rows(), parent.name(), part, fraction));
                }
            }
        }
        for (Statement s : ast.statements()) {
            for (Use use : uses(s)) {
                if (models.containsKey(use.model()) || !datasets.containsKey(use.data())) continue;
                Statement decl = symbols.containsKey(use.model()) ? symbols.get(use.model()).declaredBy() : null;
                DatasetInfo data = datasets.get(use.data());
                if (decl instanceof Statement.Network n) models.put(use.model(), network(use.model(), n, data.features()));
                if (decl instanceof Statement.Model m) models.put(use.model(), linear(use.model(), m, data));
            }
        }
        return new CheckedProgram(ast, source, baseDir, symbols, datasets, models);
    }

    private record Use(String model, String data) {}

    private static List<Use> uses(Statement s) {
        List<Use> out = new ArrayList<>();
        if (s instanceof Statement.Train t) out.add(new Use(t.target().text(), t.dataset().text()));
        if (s instanceof Statement.Search t) out.add(new Use(t.target().text(), t.dataset().text()));
        if (s instanceof Statement.Prune t && t.dataset().isPresent()) out.add(new Use(t.target().text(), t.dataset().get().text()));
        if (s instanceof Statement.Distill d) {
            out.add(new Use(d.teacher().text(), d.dataset().text()));
            out.add(new Use(d.student().text(), d.dataset().text()));
        }
        if (s instanceof Statement.Evaluate e) for (Name n : e.targets()) out.add(new Use(n.text(), e.dataset().text()));
        return out;
    }

    static ModelInfo network(String name, Statement.Network n, int inputs) {
        List<Integer> layers = new ArrayList<>();
        for (Expr.Call c : n.body().bareCalls())
            if (c.callee().text().equals("dense")) layers.add((int) ((Expr.NumberLit) c.args().get(0).value()).value());
        long params = 0;
        int in = inputs;
        for (int out : layers) {
            params += (long) in * out + out;
            in = out;
        }
        return new ModelInfo(name, "network", inputs, layers.get(layers.size() - 1), layers, params);
    }

    static ModelInfo linear(String name, Statement.Model m, DatasetInfo data) {
        int k = data.task() == Task.MULTICLASS ? data.classes().size() : 1;
        return new ModelInfo(name, m.spec().callee().text(), data.features(), k, List.of(), (long) data.features() * k + k);
    }

    private static DatasetInfo dataset(Statement.Data d, Path baseDir) {
        Expr.Call src = d.source();
        String kind = src.callee().text();
        String name = d.name().text();
        if (kind.equals("csv")) return csv(name, baseDir.resolve(((Expr.StringLit) src.args().get(0).value()).value()));
        int samples = (int) number(src, "samples", 100);
        int features = (int) number(src, "features", kind.equals("moons") ? 2 : 20);
        List<String> feats = new ArrayList<>();
        for (int i = 0; i < features; i++) feats.add("x" + i);
        if (kind.equals("synthetic_regression")) return new DatasetInfo(name, null, feats, "y", Task.REGRESSION, List.of(), samples, null, null, 1);
        int classes = (int) number(src, kind.equals("blobs") ? "centers" : "classes", kind.equals("blobs") ? 3 : 2);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) names.add(Integer.toString(i));
        return new DatasetInfo(name, null, feats, "y", classes == 2 ? Task.BINARY : Task.MULTICLASS, names, samples, null, null, 1);
    }

    private static double number(Expr.Call c, String arg, double fallback) {
        for (Expr.Arg a : c.args())
            if (!a.positional() && a.name().text().equals(arg)) return ((Expr.NumberLit) a.value()).value();
        return fallback;
    }

    /** Reads the header and scans the last column, as the checker does (target = last column, task auto). */
    static DatasetInfo csv(String name, Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            TreeSet<String> values = new TreeSet<>();
            int rows = 0;
            boolean numeric = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                String v = line.substring(line.lastIndexOf(',') + 1).trim();
                values.add(v);
                numeric &= v.matches("-?\\d+(\\.0+)?");
                rows++;
            }
            boolean classification = !numeric || values.size() <= 20;
            List<String> classes = classification ? new ArrayList<>(values) : List.of();
            if (numeric && classification) classes.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
            Task task = !classification ? Task.REGRESSION : classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
            return new DatasetInfo(name, file, header.subList(0, header.size() - 1), header.get(header.size() - 1), task,
                    classes, rows, null, null, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
