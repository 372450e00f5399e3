package org.mlopt.check;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Node;
import org.mlopt.ast.Span;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a component use against its schema: the component exists and has the right kind
 * (E205, E207), is implemented (E901), and its arguments name real parameters (E301), give each
 * once (E305), do not overflow the positional ones (E306), supply the required ones (E302) and
 * have values of the right type and range (through {@link ValueChecker}).
 */
final class ComponentChecker {

    /** A parameter that only means something when another parameter has a given value. */
    private record Condition(String component, String param, String onParam, String onValue) {}

    private static final List<Condition> CONDITIONS = List.of(
            new Condition("logistic_regression", "l1_ratio", "penalty", "elastic_net"));

    private final CheckContext ctx;
    private final ValueChecker values;

    ComponentChecker(CheckContext ctx, ValueChecker values) {
        this.ctx = ctx;
        this.values = values;
    }

    /** Checks {@code name(args)} as a component of one of {@code kinds}; null when it does not resolve. */
    Resolved checkCall(Expr.Call call, Set<Kind> kinds) {
        Component c = find(call.callee().text(), call.callee().span(), kinds, true);
        if (c == null) return null;
        Map<String, Expr> given = new LinkedHashMap<>();
        List<Param> positional = c.positionalParams();
        int nextPositional = 0;
        for (Expr.Arg arg : call.args()) {
            Param p;
            Span nameSpan;
            if (arg.positional()) {
                if (nextPositional >= positional.size()) {
                    ctx.diagnostics.error(ErrorCode.E306, arg.span(), tooMany(c, positional));
                    continue;
                }
                p = positional.get(nextPositional++);
                nameSpan = arg.span();
            } else {
                nameSpan = arg.name().span();
                Optional<Param> named = c.param(arg.name().text());
                if (named.isEmpty()) {
                    ctx.diagnostics.error(ErrorCode.E301, nameSpan, "unknown parameter '" + arg.name().text() + "' of " + label(c),
                            help(arg.name().text(), c));
                    continue;
                }
                p = named.get();
            }
            if (given.containsKey(p.name())) {
                ctx.diagnostics.error(ErrorCode.E305, nameSpan, "parameter '" + p.name() + "' of " + c.name() + " is given twice");
                continue;
            }
            given.put(p.name(), arg.value());
            values.check(arg.value(), p.type(), p.range(), p.name());
        }
        Resolved r = new Resolved(c, given, call);
        checkRequired(r, call.span());
        checkConditions(r);
        ctx.resolutions.put(call, r);
        return r;
    }

    /**
     * A bare name where a component is expected: a declared name of a matching kind first, then a
     * component of the kind used with its defaults.
     */
    Resolved checkBareName(Expr.Ref ref, Set<Kind> kinds) {
        String word = ref.path().head().text();
        Symbol s = ctx.symbols.get(word);
        if (s != null && matchesDeclaration(s, kinds)) {
            if (ctx.symbols.use(ref.path().head(), ctx.statement, Set.of(s.kind()), "", ctx.diagnostics) == null) return null;
            Resolved declared = ctx.declarations.get(word);
            if (declared != null) ctx.resolutions.put(ref, declared);
            return declared;
        }
        if (s != null && ctx.registry.find(kinds, word).isEmpty()) {
            ctx.diagnostics.error(ErrorCode.E204, ref.span(),
                    "'" + word + "' is " + SymbolTable.article(s.kind()) + ", but " + article(kinds) + " is expected here");
            return null;
        }
        Component c = find(word, ref.span(), kinds, false);
        if (c == null) return null;
        Resolved r = new Resolved(c, Map.of(), ref);
        checkRequired(r, ref.span());
        ctx.resolutions.put(ref, r);
        return r;
    }

    private boolean matchesDeclaration(Symbol s, Set<Kind> kinds) {
        for (Kind k : kinds) if (CheckContext.declarationKinds(k).contains(s.kind())) return true;
        return false;
    }

    /** The component of one of {@code kinds} named {@code name}; reports E205/E207/E901 otherwise. */
    Component find(String name, Span at, Set<Kind> kinds, boolean call) {
        Optional<Component> found = ctx.registry.find(kinds, name);
        if (found.isEmpty()) {
            List<Component> others = ctx.registry.named(name);
            others.removeIf(o -> o.kind() == Kind.STATEMENT || o.kind() == Kind.OPTION_GROUP);
            if (!others.isEmpty()) {
                ctx.diagnostics.error(ErrorCode.E207, at,
                        name + " is " + article(Set.of(others.get(0).kind())) + ", but " + article(kinds) + " is expected here",
                        Suggest.note(name, candidates(kinds)));
            } else {
                String[] note = Suggest.note(name, candidates(kinds));
                if (note.length == 0 && candidates(kinds).size() <= 12 && !candidates(kinds).isEmpty())
                    note = new String[] {"help: expected one of " + String.join(", ", candidates(kinds))};
                ctx.diagnostics.error(ErrorCode.E205, at, "unknown " + ValueChecker.kindsLabel(kinds) + " '" + name + "'", note);
            }
            return null;
        }
        Component c = found.get();
        if (c.status() == Component.Status.PLANNED) {
            ctx.diagnostics.error(ErrorCode.E901, at, label(c) + " is not implemented yet",
                    "help: it is part of the language and planned for a later version");
            return null;
        }
        return c;
    }

    private List<String> candidates(Set<Kind> kinds) {
        List<String> out = new ArrayList<>();
        for (Kind k : kinds) {
            for (Component c : ctx.registry.all(k)) if (c.status() == Component.Status.AVAILABLE) out.add(c.name());
            for (String kind : CheckContext.declarationKinds(k)) out.addAll(ctx.symbols.candidates(Set.of(kind)));
        }
        return out;
    }

    private void checkRequired(Resolved r, Span at) {
        for (Param p : r.component().params()) {
            if (!p.required() || r.args().containsKey(p.name()) || conditionallyInactive(r, p.name())) continue;
            ctx.diagnostics.error(ErrorCode.E302, at, label(r.component()) + " needs " + p.name() + " (" + p.type().describe() + ")",
                    "help: write " + r.name() + "(" + p.name() + ": ...)");
        }
    }

    private boolean conditionallyInactive(Resolved r, String param) {
        for (Condition c : CONDITIONS)
            if (c.component.equals(r.name()) && c.param.equals(param) && !c.onValue.equals(r.word(c.onParam, ""))) return true;
        return false;
    }

    /** {@code l1_ratio} only with {@code penalty: elastic_net}: set otherwise E308, missing then E302. */
    private void checkConditions(Resolved r) {
        for (Condition c : CONDITIONS) {
            if (!c.component.equals(r.name())) continue;
            boolean active = c.onValue.equals(r.word(c.onParam, ""));
            Expr given = r.arg(c.param);
            if (given != null && !active)
                ctx.diagnostics.error(ErrorCode.E308, given.span(),
                        c.param + " only applies with " + c.onParam + ": " + c.onValue + ", but " + c.onParam + " is " + r.word(c.onParam, "unset"),
                        "help: set " + c.onParam + ": " + c.onValue + " or remove " + c.param);
            if (given == null && active && r.component().param(c.param).map(p -> p.defaultValue() == null).orElse(false))
                ctx.diagnostics.error(ErrorCode.E302, r.spanOf(c.onParam), c.onParam + ": " + c.onValue + " needs " + c.param,
                        "help: add " + c.param + ": ... to " + r.name() + "(...)");
        }
    }

    private static String tooMany(Component c, List<Param> positional) {
        if (positional.isEmpty()) return c.name() + " takes no positional arguments; name them (name: value)";
        List<String> names = positional.stream().map(Param::name).toList();
        return c.name() + " takes at most " + Values.plural(positional.size(), "positional argument") + " (" + String.join(", ", names) + ")";
    }

    private static String[] help(String word, Component c) {
        List<String> names = c.params().stream().map(Param::name).toList();
        String[] note = Suggest.note(word, names);
        if (note.length > 0) return note;
        return names.isEmpty() ? new String[] {"help: " + c.name() + " takes no parameters"}
                : new String[] {"help: " + c.name() + " takes " + String.join(", ", names)};
    }

    static String label(Component c) {
        return c.kind().label() + " " + c.name();
    }

    static String article(Set<Kind> kinds) {
        String l = ValueChecker.kindsLabel(kinds);
        return ("aeiou".indexOf(l.charAt(0)) >= 0 ? "an " : "a ") + l;
    }

    /** The node a resolution points at, for messages. */
    static Span where(Resolved r) {
        Node n = r.at();
        return n.span();
    }
}
