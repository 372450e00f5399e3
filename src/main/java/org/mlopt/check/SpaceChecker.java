package org.mlopt.check;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Path;
import org.mlopt.ast.Span;
import org.mlopt.ast.Statement;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Range;
import org.mlopt.schema.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A search's {@code space { ... }}: every key is a path to a real parameter (E602), every value
 * a list, a fixed value or a well-formed primitive (E601, E605) whose values the parameter
 * accepts (E303, E304), conditions name searched keys and reachable values (E603), and the
 * strategy can take the space (E604). Also counts the fits a grid search makes.
 */
final class SpaceChecker {

    /** Primitives that draw from a continuum, so a grid cannot enumerate them. */
    private static final Set<String> CONTINUOUS = Set.of("uniform", "loguniform", "normal", "lognormal");

    /** Grid searches fitting more models than this get a warning (W101). */
    static final long LARGE_PLAN = 10_000;

    /** What a key of the space sets: its type and range, and a readable name. */
    record Target(Type type, Range range, String label) {}

    /** One searched key: its candidate values as text (null when continuous) and its conditions. */
    private record Dimension(String key, Span span, List<String> values, long count, List<Expr.Arg> conditions) {}

    private final CheckContext ctx;
    private final ValueChecker values;
    private final ComponentChecker components;
    private final List<SearchInfo> searches = new ArrayList<>();

    SpaceChecker(CheckContext ctx, ValueChecker values, ComponentChecker components) {
        this.ctx = ctx;
        this.values = values;
        this.components = components;
    }

    List<SearchInfo> searches() {
        return searches;
    }

    void check(Statement.Search s, ModelState model, Map<String, Expr> options, int folds) {
        Optional<Block.Space> space = s.options().space();
        Expr strategy = options.get("strategy");
        String strategyName = Values.strategyName(strategy);
        if (space.isEmpty()) {
            ctx.diagnostics.error(ErrorCode.E601, s.target().span(), "search of '" + s.target().text() + "' has no space { ... }",
                    "help: add space { PARAM: [values] } to the search block");
            return;
        }
        Map<String, Dimension> dims = new LinkedHashMap<>();
        for (Block.Entry e : space.get().block().entries()) {
            if (!(e instanceof Block.Keyed k)) {
                ctx.diagnostics.error(ErrorCode.E601, e.span(), "a search space holds 'path: values' entries only");
                continue;
            }
            String key = k.key().toString();
            if (dims.containsKey(key)) {
                ctx.diagnostics.error(ErrorCode.E305, k.key().span(), "'" + key + "' is searched twice");
                continue;
            }
            Target target = model == null ? null : target(k.key(), model, s);
            Dimension d = dimension(key, k, target, "grid".equals(strategyName));
            if (d != null) dims.put(key, d);
        }
        for (Dimension d : dims.values()) checkConditions(d, dims);
        if (model != null) replayLimits(dims, options);
        long candidates = "grid".equals(strategyName) ? gridSize(dims) : -1;
        boolean refit = !(options.get("refit") instanceof Expr.BoolLit b) || b.value();
        long fits = candidates < 0 ? -1 : saturatingAdd(saturatingMul(candidates, Math.max(1, folds)), refit ? 1 : 0);
        if (fits > LARGE_PLAN)
            ctx.diagnostics.error(ErrorCode.W101, space.get().keyword().span(), "this grid search fits " + (fits == Long.MAX_VALUE ? "too many" : fits)
                    + " models (" + candidates + " points x " + Math.max(1, folds) + " folds + refit)",
                    "help: search fewer values, or use strategy: random(trials: 50)");
        searches.add(new SearchInfo(ctx.statement, s.target().text(), strategyName == null ? "grid" : strategyName, candidates,
                Math.max(1, folds), fits));
    }

    /** What a replayed prune or distill statement cannot be combined with yet. */
    private void replayLimits(Map<String, Dimension> dims, Map<String, Expr> options) {
        String replayed = null;
        for (Dimension d : dims.values()) {
            String key = d.key();
            if (!key.startsWith("prune.") && !key.startsWith("distill.")) continue;
            String keyword = key.substring(0, key.indexOf('.'));
            if (replayed == null) replayed = keyword;
            else if (!replayed.equals(keyword))
                ctx.diagnostics.error(ErrorCode.E308, d.span(), "'" + key + "' tunes a " + keyword + " statement, but this search already replays "
                        + replayed + "; a trial replays one statement", "help: search the " + keyword + " settings in a search of their own");
        }
        if (replayed != null && options.get("median_stop") != null)
            ctx.diagnostics.error(ErrorCode.E901, options.get("median_stop").span(), "median_stop watches training epochs; a search that replays "
                    + replayed + " in every trial cannot use it yet");
    }

    // ---- paths -------------------------------------------------------------------------------

    /** What a space key points at, or null after reporting E602. */
    private Target target(Path key, ModelState model, Statement.Search s) {
        List<Path.Segment> segs = key.segments();
        Path.Segment head = segs.get(0);
        String first = head.name().text();
        if (segs.size() == 1 && !head.indexed()) {
            if (model.spec != null) return param(model.spec.component(), List.of(head), 0, key, "model '" + model.name + "'");
            if (model.isNetwork()) {
                Optional<Component> net = ctx.registry.statement("network");
                if (net.isPresent() && net.get().param(first).isPresent())
                    return param(net.get(), List.of(head), 0, key, "network '" + model.name + "'");
                return nowhere(key, "'" + first + "' is not a setting of network '" + model.name + "'",
                        "help: name a layer (" + model.name + ".dense[0]), a declared component (opt.lr), a train option (train.epochs) "
                                + "or a setting of its prune or distill statement (prune.sparsity, distill.temperature)");
            }
            return nowhere(key, "'" + first + "' is not a parameter of '" + model.name + "'");
        }
        if (head.indexed()) return nowhere(key, "a search path starts with a declared name or 'train', not '" + head + "'");
        if (first.equals("prune") || first.equals("distill")) return replayTarget(key, model);
        if (first.equals("train")) {
            Optional<Component> train = ctx.registry.statement("train");
            if (train.isEmpty()) return null;
            return param(train.get(), segs, 1, key, "train");
        }
        Symbol sym = ctx.symbols.get(first);
        if (sym == null || !ctx.symbols.visibleAt(first, ctx.statement)) {
            List<String> names = new ArrayList<>(ctx.symbols.candidates(Set.of()));
            names.add("train");
            return nowhere(key, sym == null ? "'" + key + "' leads nowhere: nothing is named '" + first + "'"
                    : "'" + key + "' leads nowhere: '" + first + "' is declared only later (line " + sym.span().line() + ")",
                    Suggest.note(first, names));
        }
        ModelState m = ctx.models.get(first);
        if (m != null && m.isNetwork()) return layerTarget(key, m);
        Resolved r = m != null ? m.spec : ctx.declarations.get(first);
        if (r == null) return null;
        return param(r.component(), segs, 1, key, "'" + first + "' (" + r.name() + ")");
    }

    /**
     * {@code prune.sparsity} (short for {@code prune.method.sparsity}), {@code prune.schedule.steps},
     * {@code distill.temperature}, {@code distill.optimizer.lr}: a setting of the model's last prune
     * or distill statement before the search, which every trial then replays.
     */
    private Target replayTarget(Path key, ModelState model) {
        List<Path.Segment> segs = key.segments();
        String keyword = segs.get(0).name().text();
        Statement replayed = null;
        for (int i = 0; i < ctx.statement && i < ctx.statements.size(); i++) {
            Statement st = ctx.statements.get(i);
            if (keyword.equals("prune") && st instanceof Statement.Prune p && p.target().text().equals(model.name)) replayed = st;
            if (keyword.equals("distill") && st instanceof Statement.Distill d && d.student().text().equals(model.name)) replayed = st;
        }
        if (replayed == null)
            return nowhere(key, "'" + key + "' leads nowhere: no " + keyword + " statement "
                            + (keyword.equals("prune") ? "on" : "into") + " '" + model.name + "' comes before this search",
                    keyword.equals("prune") ? "help: prune " + model.name + " on DATA { method: magnitude(sparsity: 0.8) } before the search"
                            : "help: distill TEACHER -> " + model.name + " on DATA { ... } before the search");
        Optional<Component> schema = ctx.registry.statement(keyword);
        if (schema.isEmpty()) return null;
        Block options = replayed instanceof Statement.Prune p ? p.options() : ((Statement.Distill) replayed).options();
        List<Path.Segment> rest = segs;
        if (keyword.equals("prune") && segs.size() == 2 && segs.get(1).name().text().equals("sparsity")) {
            Path.Segment method = new Path.Segment(new org.mlopt.ast.Name("method", segs.get(1).span()), null, segs.get(1).span());
            rest = List.of(segs.get(0), method, segs.get(1));
        }
        if (rest.size() == 3 && !rest.get(1).indexed()) {
            // An argument of the call the statement's option holds: method.sparsity, optimizer.lr.
            String option = rest.get(1).name().text();
            Expr value = options.get(option).map(Block.Keyed::value).orElse(null);
            Optional<Param> p = schema.get().param(option);
            if (value instanceof Expr.Call call && p.isPresent() && !(p.get().type() instanceof Type.Group)) {
                Resolved r = ctx.resolved(call);
                if (r != null) return param(r.component(), rest, 2, key, call.callee().text() + " (" + keyword + " " + option + ")");
            }
            if (value == null && p.isPresent() && !(p.get().type() instanceof Type.Group))
                return nowhere(key, "'" + key + "' leads nowhere: the " + keyword + " statement sets no " + option
                        + ", so there is no call whose " + rest.get(2) + " to search");
        }
        return param(schema.get(), rest, 1, key, keyword);
    }

    /** Follows {@code segs[from..]} through a component's parameters and nested option groups. */
    private Target param(Component c, List<Path.Segment> segs, int from, Path key, String owner) {
        if (from >= segs.size()) return nowhere(key, "'" + key + "' names " + owner + " itself, not one of its parameters",
                "help: add a parameter: " + key + "." + (c.params().isEmpty() ? "..." : c.params().get(0).name()));
        Path.Segment seg = segs.get(from);
        Optional<Param> p = c.param(seg.name().text());
        List<String> names = c.params().stream().map(Param::name).toList();
        if (p.isEmpty() || seg.indexed()) {
            String[] note = Suggest.note(seg.name().text(), names);
            if (note.length == 0) note = new String[] {"help: " + owner + " has " + String.join(", ", names)};
            return nowhere(key, "'" + key + "' leads nowhere: " + owner + " has no parameter '" + seg + "'", note);
        }
        if (from == segs.size() - 1) return new Target(p.get().type(), p.get().range(), seg.name().text());
        if (p.get().type() instanceof Type.Group g) {
            Optional<Component> group = ctx.registry.group(g.schemaName());
            if (group.isPresent()) return param(group.get(), segs, from + 1, key, g.schemaName());
        }
        return nowhere(key, "'" + key + "' leads nowhere: " + seg + " of " + owner + " has no parts");
    }

    /** {@code net.dense[0]} (its units) or {@code net.dense[0].units}, {@code net.dropout[1].rate}. */
    private Target layerTarget(Path key, ModelState m) {
        List<Path.Segment> segs = key.segments();
        Statement.Network net = (Statement.Network) ctx.symbols.get(m.name).declaredBy();
        Path.Segment layerSeg = segs.get(1);
        String layerName = layerSeg.name().text();
        if (!layerSeg.indexed()) {
            Optional<Component> settings = ctx.registry.statement("network");
            if (settings.isPresent() && settings.get().param(layerName).isPresent() && segs.size() == 2)
                return param(settings.get(), segs, 1, key, "network '" + m.name + "'");
            return nowhere(key, "'" + key + "' leads nowhere: write a layer with its index, e.g. " + m.name + "." + layerName + "[0]");
        }
        List<Expr.Call> sameName = new ArrayList<>();
        for (Expr.Call call : net.body().bareCalls()) if (call.callee().text().equals(layerName)) sameName.add(call);
        if (layerSeg.index() >= sameName.size()) {
            List<String> layerNames = net.body().bareCalls().stream().map(c -> c.callee().text()).distinct().toList();
            String[] note = sameName.isEmpty() ? Suggest.note(layerName, layerNames) : new String[0];
            return nowhere(key, "'" + key + "' leads nowhere: network '" + m.name + "' has " + Values.plural(sameName.size(), layerName + " layer")
                    + (sameName.isEmpty() ? "" : " (indices from 0)"), note);
        }
        Resolved layer = ctx.resolved(sameName.get(layerSeg.index()));
        if (layer == null) return null;
        if (segs.size() == 2) {
            List<Param> positional = layer.component().positionalParams();
            if (positional.isEmpty()) return nowhere(key, "'" + key + "' leads nowhere: name a parameter of " + layerName);
            Param p = positional.get(0);
            return new Target(p.type(), p.range(), p.name());
        }
        return param(layer.component(), segs, 2, key, layerName + "[" + layerSeg.index() + "]");
    }

    private Target nowhere(Path key, String message, String... notes) {
        ctx.diagnostics.error(ErrorCode.E602, key.span(), message, notes);
        return null;
    }

    // ---- values ------------------------------------------------------------------------------

    private Dimension dimension(String key, Block.Keyed k, Target target, boolean grid) {
        Expr v = k.value();
        List<Expr.Arg> conditions = new ArrayList<>();
        if (v instanceof Expr.Call call && call.callee().text().equals("when") && isPrimitive("when", call)) {
            Expr inner = null;
            for (Expr.Arg a : call.args()) {
                if (a.positional()) {
                    if (inner != null) ctx.diagnostics.error(ErrorCode.E601, a.span(), "when takes one sub-space after its conditions");
                    else inner = a.value();
                } else conditions.add(a);
            }
            if (conditions.isEmpty())
                ctx.diagnostics.error(ErrorCode.E601, call.span(), "when needs a condition, e.g. when(penalty: elastic_net, [0.5])");
            if (inner == null) {
                ctx.diagnostics.error(ErrorCode.E601, call.span(), "when needs the sub-space to use while its condition holds");
                return null;
            }
            v = inner;
        }
        Span span = k.key().span();
        if (v instanceof Expr.ListLit list) {
            if (list.items().isEmpty()) {
                ctx.diagnostics.error(ErrorCode.E601, list.span(), "the list of values for '" + key + "' is empty");
                return null;
            }
            List<String> texts = new ArrayList<>();
            Map<Object, Expr> seen = new HashMap<>();
            for (Expr item : list.items()) {
                if (target != null) values.check(item, target.type(), target.range(), target.label());
                texts.add(text(item));
                // A value listed twice fits every candidate twice and usually hides a typo (0.01 for 0.001).
                Object identity = item instanceof Expr.NumberLit n ? (Object) n.value() : text(item);
                Expr first = seen.putIfAbsent(identity, item);
                if (first != null)
                    ctx.diagnostics.error(ErrorCode.E601, item.span(), "'" + key + "' lists " + text(item) + " twice",
                            "note: first listed at line " + first.span().line() + ", column " + first.span().column());
            }
            return new Dimension(key, span, texts, texts.size(), conditions);
        }
        if (v instanceof Expr.Call call && ctx.registry.find(Kind.SPACE, call.callee().text()).isPresent()) {
            return primitive(key, span, call, target, grid, conditions);
        }
        if (target != null) values.check(v, target.type(), target.range(), target.label());
        return new Dimension(key, span, List.of(text(v)), 1, conditions);
    }

    private boolean isPrimitive(String name, Expr.Call call) {
        return ctx.registry.find(Kind.SPACE, name).isPresent();
    }

    private Dimension primitive(String key, Span span, Expr.Call call, Target target, boolean grid, List<Expr.Arg> conditions) {
        String name = call.callee().text();
        if (components.find(name, call.callee().span(), Set.of(Kind.SPACE), true) == null) return null;
        if (name.equals("choice")) {
            if (call.args().isEmpty()) {
                ctx.diagnostics.error(ErrorCode.E601, call.span(), "choice needs at least one value");
                return null;
            }
            List<String> texts = new ArrayList<>();
            for (Expr.Arg a : call.args()) {
                if (!a.positional()) {
                    ctx.diagnostics.error(ErrorCode.E601, a.name().span(), "choice takes values only, not named arguments");
                    continue;
                }
                if (target != null) values.check(a.value(), target.type(), target.range(), target.label());
                texts.add(text(a.value()));
            }
            return new Dimension(key, span, texts, texts.size(), conditions);
        }
        if (name.equals("when")) {
            ctx.diagnostics.error(ErrorCode.E601, call.span(), "when cannot be nested inside another primitive");
            return null;
        }
        Resolved r = components.checkCall(call, Set.of(Kind.SPACE));
        if (r == null) return null;
        Expr lowE = r.arg("low");
        Expr highE = r.arg("high");
        if (!(lowE instanceof Expr.NumberLit low) || !(highE instanceof Expr.NumberLit high)) return new Dimension(key, span, null, -1, conditions);
        boolean continuous = CONTINUOUS.contains(name);
        if (name.equals("randint") && (!low.isInteger() || !high.isInteger())) {
            ctx.diagnostics.error(ErrorCode.E601, (low.isInteger() ? high : low).span(), "randint takes whole-number bounds, got "
                    + (low.isInteger() ? high : low).text(), "help: use uniform(...) for a continuous range");
            return null;
        }
        if (name.startsWith("log") && low.value() <= 0) {
            ctx.diagnostics.error(ErrorCode.E605, low.span(), name + " needs low > 0 (it samples the logarithm), got " + low.text());
            return null;
        }
        if (!(low.value() < high.value())) {
            ctx.diagnostics.error(ErrorCode.E605, call.span(), name + "(" + low.text() + ", " + high.text() + ") is empty: low must be below high");
            return null;
        }
        if (target != null) checkBounds(target, low, high, name, continuous, call);
        if (continuous && grid) {
            ctx.diagnostics.error(ErrorCode.E604, call.span(), "grid search cannot enumerate " + name + "(...), a continuous range",
                    "help: list values ([0.1, 0.5, 0.9]) or use strategy: random(trials: 20)");
            return new Dimension(key, span, null, -1, conditions);
        }
        long count = -1;
        if (name.equals("randint")) count = (long) (high.value() - low.value()) + 1;
        else if (name.equals("quniform")) {
            double q = r.number("q", 0);
            if (q > 0) count = (long) Math.floor((high.value() - low.value()) / q + 1e-9) + 1;
        }
        return new Dimension(key, span, null, count, conditions);
    }

    /** A numeric primitive's bounds against the parameter it sets. */
    private void checkBounds(Target target, Expr.NumberLit low, Expr.NumberLit high, String name, boolean continuous, Expr.Call call) {
        Type.Num num = numeric(target.type());
        if (num == null) {
            ctx.diagnostics.error(ErrorCode.E303, call.span(), target.label() + " takes " + target.type().describe() + ", not numbers from " + name);
            return;
        }
        if (num.integer() && continuous) {
            ctx.diagnostics.error(ErrorCode.E303, call.span(), target.label() + " takes whole numbers, but " + name + " draws fractions",
                    "help: use randint(" + low.text() + ", " + high.text() + ")");
            return;
        }
        Range range = target.range();
        if (range == null) return;
        for (Expr.NumberLit bound : List.of(low, high)) {
            double b = bound.value();
            boolean inside = b >= range.min() && b <= range.max();
            if (!continuous) inside = range.contains(b);
            if (!inside) {
                ctx.diagnostics.error(ErrorCode.E304, bound.span(), Values.rangeRule(target.label(), range) + ", but " + name
                        + " reaches " + bound.text());
                return;
            }
        }
    }

    private static Type.Num numeric(Type t) {
        if (t instanceof Type.Num n) return n;
        if (t instanceof Type.AnyOf any) for (Type o : any.options()) if (o instanceof Type.Num n) return n;
        return null;
    }

    private static String text(Expr e) {
        if (e instanceof Expr.NumberLit n) return Values.fmt(n.value());
        String w = Values.wordOrString(e);
        return w != null ? w : Values.show(e);
    }

    // ---- conditions --------------------------------------------------------------------------

    private void checkConditions(Dimension d, Map<String, Dimension> dims) {
        for (Expr.Arg cond : d.conditions()) {
            String on = cond.name().text();
            Dimension other = dims.get(on);
            if (other == null || other == d) {
                ctx.diagnostics.error(ErrorCode.E603, cond.name().span(), "'" + d.key() + "' depends on '" + on
                        + "', which this space does not search, so it is never active", Suggest.note(on, dims.keySet()));
                continue;
            }
            if (other.values() == null) continue;
            List<Expr> wanted = cond.value() instanceof Expr.ListLit l ? l.items() : List.of(cond.value());
            boolean any = false;
            for (Expr w : wanted) if (other.values().contains(text(w))) any = true;
            if (!any)
                ctx.diagnostics.error(ErrorCode.E603, cond.value().span(), "'" + d.key() + "' is active only when " + on + " is "
                        + Values.show(cond.value()) + ", but the space gives " + on + " only " + String.join(", ", other.values()),
                        Suggest.note(text(cond.value()), other.values()));
        }
    }

    // ---- counting ----------------------------------------------------------------------------

    /** Grid points: conditional keys multiply only where their condition holds. -1 when not enumerable. */
    private long gridSize(Map<String, Dimension> dims) {
        List<Dimension> driving = new ArrayList<>();
        for (Dimension d : dims.values()) {
            if (d.count() < 0) return -1;
            for (Expr.Arg c : d.conditions()) {
                Dimension on = dims.get(c.name().text());
                if (on == null || on.values() == null) return -1;
                if (!driving.contains(on)) driving.add(on);
            }
        }
        long free = 1;
        for (Dimension d : dims.values()) if (!driving.contains(d) && d.conditions().isEmpty()) free = saturatingMul(free, d.count());
        long total = 0;
        int[] index = new int[driving.size()];
        long combos = 1;
        for (Dimension d : driving) combos = saturatingMul(combos, d.count());
        if (combos > 100_000) return -1;
        for (long n = 0; n < combos; n++) {
            Map<String, String> assignment = new LinkedHashMap<>();
            for (int i = 0; i < driving.size(); i++) assignment.put(driving.get(i).key(), driving.get(i).values().get(index[i]));
            long point = 1;
            for (Dimension d : dims.values()) {
                if (d.conditions().isEmpty()) continue;
                boolean active = true;
                for (Expr.Arg c : d.conditions()) {
                    List<Expr> wanted = c.value() instanceof Expr.ListLit l ? l.items() : List.of(c.value());
                    boolean match = false;
                    for (Expr w : wanted) if (text(w).equals(assignment.get(c.name().text()))) match = true;
                    active &= match;
                }
                if (active) point = saturatingMul(point, d.count());
            }
            total = saturatingAdd(total, point);
            for (int i = 0; i < index.length; i++) {
                if (++index[i] < driving.get(i).count()) break;
                index[i] = 0;
            }
        }
        return saturatingMul(total, free);
    }

    private static long saturatingMul(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
