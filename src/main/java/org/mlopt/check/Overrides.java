package org.mlopt.check;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Path;
import org.mlopt.ast.Program;
import org.mlopt.ast.Span;
import org.mlopt.ast.Statement;
import org.mlopt.diag.Diagnostic;
import org.mlopt.diag.Diagnostics;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.SourceText;
import org.mlopt.diag.Suggest;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies {@code mlopt run --set path=value} overrides to a program, returning a new program
 * (the original is not changed). Two path forms:
 * <ul>
 *   <li>{@code NAME.param=value}: a parameter of a declaration's component call ({@code opt.lr=0.01},
 *       {@code cancer.target="x"}), or a setting of a network ({@code net.init=he});</li>
 *   <li>{@code KEYWORD.TARGET.key[.key]=value}: an option of an action's block
 *       ({@code train.teacher.epochs=5}, {@code search.clf.cv=3}, {@code split.cancer.seed=1},
 *       {@code train.net.early_stop.patience=3}), {@code search.clf.space.C=[0.1, 1]} for a searched
 *       key; {@code report.file="r.html"} for the report.</li>
 * </ul>
 * The value is parsed as an mlopt value. A path that resolves to nothing is reported with the
 * valid paths nearest to it. The new value carries the span of what it replaces (or of the
 * statement it is added to), so the checker's messages about it point into the script.
 */
public final class Overrides {

    /** The overridden program (the input program when nothing applied) and what went wrong. */
    public record Result(Program program, Diagnostics diagnostics) {
        public boolean ok() {
            return !diagnostics.hasErrors();
        }
    }

    private static final Set<String> ACTIONS = Set.of("train", "search", "prune", "distill", "split");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Registry registry;
    private final Diagnostics diagnostics = new Diagnostics();
    private List<Statement> statements;

    private Overrides(Program program, Registry registry) {
        this.registry = registry;
        this.statements = new ArrayList<>(program.statements());
    }

    public static Result apply(Program program, List<String> settings) {
        return apply(program, settings, Registry.standard());
    }

    public static Result apply(Program program, List<String> settings, Registry registry) {
        Overrides o = new Overrides(program, registry);
        for (String s : settings) o.applyOne(s);
        Program out = new Program(program.sourceName(), o.statements, program.span());
        return new Result(out, o.diagnostics);
    }

    private void error(ErrorCode code, String message, String... notes) {
        diagnostics.add(Diagnostic.error(code, Span.NONE, message, notes));
    }

    private void applyOne(String setting) {
        int eq = setting.indexOf('=');
        if (eq <= 0) {
            error(ErrorCode.E101, "--set " + setting + ": an override is written path=value", "help: e.g. --set opt.lr=0.01");
            return;
        }
        String pathText = setting.substring(0, eq).trim();
        String valueText = setting.substring(eq + 1).trim();
        List<String> path = List.of(pathText.split("\\.", -1));
        for (String seg : path) {
            if (!IDENT.matcher(seg).matches()) {
                error(ErrorCode.E101, "--set " + setting + ": '" + pathText + "' is not a path of names separated by dots");
                return;
            }
        }
        Expr value = parseValue(setting, valueText);
        if (value == null) return;
        if (path.size() < 2) {
            error(ErrorCode.E201, "--set " + setting + ": '" + pathText + "' names no parameter", nearby(pathText));
            return;
        }
        if (path.get(0).equals("report") && declaring("report") == null) {
            applyToReport(setting, path.subList(1, path.size()), value);
            return;
        }
        if (ACTIONS.contains(path.get(0)) && path.size() >= 3) {
            applyToAction(setting, path, value);
            return;
        }
        applyToDeclaration(setting, path, value);
    }

    /** The value text as an mlopt value, by parsing it as the only setting of a report block. */
    private Expr parseValue(String setting, String valueText) {
        if (valueText.isEmpty()) {
            error(ErrorCode.E101, "--set " + setting + ": the value is missing after '='");
            return null;
        }
        ParseResult parsed = ScriptParser.parse(new SourceText("--set", "report { __value: " + valueText + "\n}"));
        if (parsed.ok() && parsed.program().statements().size() == 1
                && parsed.program().statements().get(0) instanceof Statement.Report r && r.options().isPresent()
                && r.options().get().entries().size() == 1 && r.options().get().entries().get(0) instanceof Block.Keyed k
                && k.key().toString().equals("__value")) {
            return k.value();
        }
        String why = parsed.diagnostics().sorted().isEmpty() ? "it is not a single value" : parsed.diagnostics().sorted().get(0).message();
        error(ErrorCode.E101, "--set " + setting + ": cannot read the value '" + valueText + "': " + why,
                "help: values are written as in a script: 0.01, \"text\", true, adam(lr: 0.1), [1, 2]");
        return null;
    }

    private Statement declaring(String name) {
        for (Statement s : statements) {
            if (s.declared().map(n -> n.text().equals(name)).orElse(false)) return s;
            if (s instanceof Statement.Split split)
                for (Statement.SplitPart p : split.parts()) if (p.name().text().equals(name)) return s;
        }
        return null;
    }

    // ---- NAME.param ----------------------------------------------------------------------------

    private void applyToDeclaration(String setting, List<String> path, Expr value) {
        String name = path.get(0);
        Statement s = declaring(name);
        if (s == null) {
            error(ErrorCode.E201, "--set " + setting + ": nothing is named '" + name + "'", nearby(String.join(".", path)));
            return;
        }
        if (path.size() != 2) {
            error(ErrorCode.E301, "--set " + setting + ": '" + name + "' takes NAME.param=value (one parameter)", nearby(String.join(".", path)));
            return;
        }
        String param = path.get(1);
        int index = statements.indexOf(s);
        if (s instanceof Statement.Data d) {
            Expr.Call call = setArg(setting, d.source(), Kind.DATA_SOURCE, param, value);
            if (call != null) statements.set(index, new Statement.Data(d.name(), call, d.span()));
        } else if (s instanceof Statement.Model m) {
            Expr.Call call = setArg(setting, m.spec(), Kind.MODEL, param, value);
            if (call != null) statements.set(index, new Statement.Model(m.name(), call, m.span()));
        } else if (s instanceof Statement.Decl d) {
            Expr.Call call = setArg(setting, d.spec(), Kind.valueOf(d.kind().name()), param, value);
            if (call != null) statements.set(index, new Statement.Decl(d.kind(), d.name(), call, d.span()));
        } else if (s instanceof Statement.Network n) {
            Block body = setKey(setting, n.body(), registry.statement("network").orElse(null), List.of(param), value, "network '" + name + "'");
            if (body != null) statements.set(index, new Statement.Network(n.name(), body, n.span()));
        } else {
            error(ErrorCode.E301, "--set " + setting + ": '" + name + "' is declared by " + s.keyword() + ", which has no parameters to set",
                    nearby(String.join(".", path)));
        }
    }

    /** The call with {@code param} set to {@code value}: replacing a named or positional argument, or adding one. */
    private Expr.Call setArg(String setting, Expr.Call call, Kind kind, String param, Expr value) {
        Optional<Component> component = registry.find(kind, call.callee().text());
        if (component.isPresent() && component.get().param(param).isEmpty()) {
            List<String> names = component.get().params().stream().map(Param::name).toList();
            String[] note = Suggest.note(param, names);
            error(ErrorCode.E301, "--set " + setting + ": " + call.callee().text() + " has no parameter '" + param + "'",
                    note.length > 0 ? note : new String[] {"help: it takes " + String.join(", ", names)});
            return null;
        }
        List<Param> positional = component.map(Component::positionalParams).orElse(List.of());
        List<Expr.Arg> args = new ArrayList<>(call.args());
        int position = 0;
        for (int i = 0; i < args.size(); i++) {
            Expr.Arg a = args.get(i);
            boolean match = a.positional() ? position < positional.size() && positional.get(position).name().equals(param)
                    : a.name().text().equals(param);
            if (a.positional()) position++;
            if (match) {
                args.set(i, new Expr.Arg(a.name(), Respan.to(value, a.value().span()), a.span()));
                return new Expr.Call(call.callee(), args, call.span());
            }
        }
        Span at = call.span();
        args.add(new Expr.Arg(new Name(param, at), Respan.to(value, at), at));
        return new Expr.Call(call.callee(), args, call.span());
    }

    // ---- KEYWORD.TARGET.key --------------------------------------------------------------------

    private void applyToAction(String setting, List<String> path, Expr value) {
        String keyword = path.get(0);
        String target = path.get(1);
        List<String> keys = path.subList(2, path.size());
        Component schema = registry.statement(keyword).orElse(null);
        boolean applied = false;
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (!s.keyword().equals(keyword) || !targets(s, target)) continue;
            Statement replaced = withBlock(setting, s, schema, keys, value);
            if (replaced == null) return;
            statements.set(i, replaced);
            applied = true;
        }
        if (!applied) error(ErrorCode.E201, "--set " + setting + ": no " + keyword + " statement works on '" + target + "'",
                nearby(String.join(".", path)));
    }

    private static boolean targets(Statement s, String target) {
        if (s instanceof Statement.Train t) return t.target().text().equals(target);
        if (s instanceof Statement.Search t) return t.target().text().equals(target);
        if (s instanceof Statement.Prune t) return t.target().text().equals(target);
        if (s instanceof Statement.Distill t) return t.student().text().equals(target) || t.teacher().text().equals(target);
        if (s instanceof Statement.Split t) return t.dataset().text().equals(target);
        return false;
    }

    private Statement withBlock(String setting, Statement s, Component schema, List<String> keys, Expr value) {
        String where = s.keyword();
        if (s instanceof Statement.Train t) {
            Block b = setKey(setting, t.options().orElse(Block.empty(t.span())), schema, keys, value, where);
            return b == null ? null : new Statement.Train(t.target(), t.dataset(), Optional.of(b), t.span());
        }
        if (s instanceof Statement.Search t) {
            Block b = keys.get(0).equals("space") ? setSpaceKey(setting, t.options(), keys, value)
                    : setKey(setting, t.options(), schema, keys, value, where);
            return b == null ? null : new Statement.Search(t.target(), t.dataset(), b, t.span());
        }
        if (s instanceof Statement.Prune t) {
            Block b = setKey(setting, t.options(), schema, keys, value, where);
            return b == null ? null : new Statement.Prune(t.target(), t.dataset(), b, t.span());
        }
        if (s instanceof Statement.Distill t) {
            Block b = setKey(setting, t.options(), schema, keys, value, where);
            return b == null ? null : new Statement.Distill(t.teacher(), t.student(), t.dataset(), b, t.span());
        }
        Statement.Split t = (Statement.Split) s;
        Block b = setKey(setting, t.options().orElse(Block.empty(t.span())), schema, keys, value, where);
        return b == null ? null : new Statement.Split(t.dataset(), t.parts(), Optional.of(b), t.span());
    }

    /** {@code search.M.space.KEY=values}: replaces (or adds) one key of the search space. */
    private Block setSpaceKey(String setting, Block options, List<String> keys, Expr value) {
        if (keys.size() != 2) {
            error(ErrorCode.E602, "--set " + setting + ": write search.MODEL.space.KEY=values with a plain key");
            return null;
        }
        List<Block.Entry> entries = new ArrayList<>(options.entries());
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Block.Space space)) continue;
            Block inner = setKey(setting, space.block(), null, keys.subList(1, 2), value, "space");
            entries.set(i, new Block.Space(space.keyword(), inner, space.span()));
            return new Block(entries, options.span());
        }
        error(ErrorCode.E602, "--set " + setting + ": this search has no space { ... } to set a key in");
        return null;
    }

    private void applyToReport(String setting, List<String> keys, Expr value) {
        Component schema = registry.statement("report").orElse(null);
        boolean applied = false;
        for (int i = 0; i < statements.size(); i++) {
            if (!(statements.get(i) instanceof Statement.Report r)) continue;
            Block b = setKey(setting, r.options().orElse(Block.empty(r.span())), schema, keys, value, "report");
            if (b == null) return;
            statements.set(i, new Statement.Report(Optional.of(b), r.span()));
            applied = true;
        }
        if (!applied) error(ErrorCode.E201, "--set " + setting + ": the script has no report statement", nearby("report"));
    }

    /** The block with {@code keys} (a path through nested option groups) set to {@code value}. */
    private Block setKey(String setting, Block block, Component schema, List<String> keys, Expr value, String where) {
        String key = keys.get(0);
        Param param = null;
        if (schema != null) {
            Optional<Param> p = schema.param(key);
            if (p.isEmpty()) {
                List<String> names = schema.params().stream().map(Param::name).toList();
                String[] note = Suggest.note(key, names);
                error(ErrorCode.E206, "--set " + setting + ": " + where + " has no setting '" + key + "'",
                        note.length > 0 ? note : new String[] {"help: it takes " + String.join(", ", names)});
                return null;
            }
            param = p.get();
        }
        List<Block.Entry> entries = new ArrayList<>(block.entries());
        int found = -1;
        for (int i = 0; i < entries.size(); i++)
            if (entries.get(i) instanceof Block.Keyed k && k.key().isSimple() && k.key().head().text().equals(key)) found = i;
        Block.Keyed existing = found >= 0 ? (Block.Keyed) entries.get(found) : null;
        Expr newValue;
        if (keys.size() == 1) {
            newValue = Respan.to(value, existing != null ? existing.value().span() : block.span());
        } else if (existing != null && existing.value() instanceof Expr.Call call && !(param != null && param.type() instanceof org.mlopt.schema.Type.Group)) {
            // prune.net.method.sparsity=0.7: an argument of the call the option holds.
            if (keys.size() != 2) {
                error(ErrorCode.E206, "--set " + setting + ": " + String.join(".", keys.subList(1, keys.size())) + " is not a parameter of "
                        + call.callee().text());
                return null;
            }
            Expr.Call updated = setArg(setting, call, kindOf(call, param), keys.get(1), value);
            if (updated == null) return null;
            newValue = updated;
        } else {
            Component group = param != null && param.type() instanceof org.mlopt.schema.Type.Group g ? registry.group(g.schemaName()).orElse(null) : null;
            if (param != null && group == null && !(param.type() instanceof org.mlopt.schema.Type.Group)) {
                error(ErrorCode.E206, "--set " + setting + ": " + key + " of " + where + " is not a { ... } group");
                return null;
            }
            Block inner = existing != null && existing.value() instanceof Expr.BlockLit bl ? bl.block() : Block.empty(block.span());
            Block updated = setKey(setting, inner, group, keys.subList(1, keys.size()), value, key);
            if (updated == null) return null;
            newValue = new Expr.BlockLit(updated, updated.span());
        }
        if (existing != null) entries.set(found, new Block.Keyed(existing.key(), newValue, existing.span()));
        else {
            Span at = block.span();
            entries.add(new Block.Keyed(new Path(List.of(new Path.Segment(new Name(key, at), null, at)), at), newValue, at));
        }
        return new Block(entries, block.span());
    }

    /** The kind of component a call in an option names: the first of the option's kinds that has it. */
    private Kind kindOf(Expr.Call call, Param param) {
        if (param != null && param.type() instanceof org.mlopt.schema.Type.Component c)
            for (Kind k : c.kinds()) if (registry.find(k, call.callee().text()).isPresent()) return k;
        for (Kind k : Kind.values()) if (registry.find(k, call.callee().text()).isPresent()) return k;
        return Kind.METRIC;
    }

    // ---- suggestions ---------------------------------------------------------------------------

    /** The settable paths of the program nearest to {@code wanted}, as a help note. */
    private String[] nearby(String wanted) {
        List<String> paths = validPaths();
        List<String> close = new ArrayList<>();
        Suggest.closest(wanted, paths).ifPresent(close::add);
        String head = wanted.contains(".") ? wanted.substring(0, wanted.lastIndexOf('.') + 1) : wanted + ".";
        for (String p : paths) if (p.startsWith(head) && !close.contains(p) && close.size() < 8) close.add(p);
        if (close.isEmpty()) for (String p : paths) if (close.size() < 8) close.add(p);
        if (close.isEmpty()) return new String[0];
        return new String[] {"help: valid paths include " + String.join(", ", close)};
    }

    private List<String> validPaths() {
        List<String> out = new ArrayList<>();
        for (Statement s : statements) {
            if (s instanceof Statement.Data d) params(out, d.name().text(), Kind.DATA_SOURCE, d.source());
            else if (s instanceof Statement.Model m) params(out, m.name().text(), Kind.MODEL, m.spec());
            else if (s instanceof Statement.Decl d) params(out, d.name().text(), Kind.valueOf(d.kind().name()), d.spec());
            else if (s instanceof Statement.Network n) settings(out, n.name().text(), "network");
            else if (s instanceof Statement.Train t) settings(out, "train." + t.target().text(), "train");
            else if (s instanceof Statement.Search t) settings(out, "search." + t.target().text(), "search");
            else if (s instanceof Statement.Prune t) settings(out, "prune." + t.target().text(), "prune");
            else if (s instanceof Statement.Distill t) settings(out, "distill." + t.student().text(), "distill");
            else if (s instanceof Statement.Split t) settings(out, "split." + t.dataset().text(), "split");
            else if (s instanceof Statement.Report) settings(out, "report", "report");
        }
        return out;
    }

    private void params(List<String> out, String name, Kind kind, Expr.Call call) {
        registry.find(kind, call.callee().text()).ifPresent(c -> c.params().forEach(p -> out.add(name + "." + p.name())));
    }

    private void settings(List<String> out, String prefix, String keyword) {
        registry.statement(keyword).ifPresent(c -> c.params().forEach(p -> out.add(prefix + "." + p.name())));
    }
}
