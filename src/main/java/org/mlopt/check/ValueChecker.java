package org.mlopt.check;

import org.mlopt.ast.Expr;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Range;
import org.mlopt.schema.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates one value against a parameter's {@link Type} and {@link Range}: numbers, booleans,
 * strings, choices, components (calls or bare names), references to declarations, lists,
 * nested option groups and alternatives. Components it resolves are recorded in the context.
 */
final class ValueChecker {

    private final CheckContext ctx;
    private ComponentChecker components;
    private BlockChecker blocks;

    ValueChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    void wire(ComponentChecker components, BlockChecker blocks) {
        this.components = components;
        this.blocks = blocks;
    }

    /**
     * Checks {@code value} for the parameter {@code name}; reports what is wrong and returns the
     * component it names when the type is a component type and it resolved, else null.
     */
    Resolved check(Expr value, Type type, Range range, String name) {
        if (type instanceof Type.AnyOf any) return checkAnyOf(value, any, range, name);
        if (type instanceof Type.Num num) {
            checkNumber(value, num, range, name);
            return null;
        }
        if (type instanceof Type.Bool) {
            if (!(value instanceof Expr.BoolLit)) wrongType(value, type, name);
            return null;
        }
        if (type instanceof Type.Str) {
            if (!(value instanceof Expr.StringLit)) wrongType(value, type, name);
            return null;
        }
        if (type instanceof Type.Choice choice) {
            checkChoice(value, choice, name);
            return null;
        }
        if (type instanceof Type.Component comp) return checkComponent(value, comp.kinds(), name);
        if (type instanceof Type.Ref ref) {
            if (!(value instanceof Expr.Ref r && r.path().isSimple())) {
                wrongType(value, type, name);
                return null;
            }
            if (ctx.symbols.use(r.path().head(), ctx.statement, ref.declarationKinds(), type.describe(), ctx.diagnostics) == null) return null;
            Resolved declared = ctx.declarations.get(r.path().head().text());
            if (declared != null) ctx.resolutions.put(value, declared);
            return declared;
        }
        if (type instanceof Type.ListOf list) {
            if (value instanceof Expr.ListLit l) for (Expr item : l.items()) check(item, list.element(), range, name);
            else wrongType(value, type, name);
            return null;
        }
        if (type instanceof Type.Group group) {
            if (value instanceof Expr.BlockLit b) {
                Optional<Component> schema = ctx.registry.group(group.schemaName());
                if (schema.isPresent()) blocks.check(b.block(), schema.get(), name);
            } else wrongType(value, type, name);
            return null;
        }
        throw new IllegalStateException("type without a check: " + type);
    }

    private Resolved checkAnyOf(Expr value, Type.AnyOf any, Range range, String name) {
        for (Type option : any.options()) if (fitsExactly(value, option)) return check(value, option, range, name);
        List<Type> loose = new ArrayList<>();
        for (Type option : any.options()) if (fitsLoosely(value, option)) loose.add(option);
        if (loose.size() == 1) return check(value, loose.get(0), range, name);
        if (value instanceof Expr.Ref r && r.path().isSimple() && unknownWord(r.path().head().text(), any, name, value)) return null;
        wrongType(value, any, name);
        return null;
    }

    /**
     * A bare name that is neither a word nor a component an alternative takes ({@code metric: val_f11}
     * where val_loss, val_f1 ... or a metric fit): E307 with the closest of all of them.
     */
    private boolean unknownWord(String word, Type.AnyOf any, String name, Expr value) {
        List<String> words = new ArrayList<>();
        Set<Kind> kinds = new java.util.LinkedHashSet<>();
        for (Type option : any.options()) {
            if (option instanceof Type.Choice c) words.addAll(c.values());
            else if (option instanceof Type.Component comp) kinds.addAll(comp.kinds());
            else return false;
        }
        if (words.isEmpty() || kinds.isEmpty()) return false;
        List<String> candidates = new ArrayList<>(words);
        for (Kind k : kinds) candidates.addAll(ctx.registry.names(k));
        ctx.diagnostics.error(ErrorCode.E307, value.span(), "'" + word + "' is not a valid " + name + ": expected " + any.describe(),
                Suggest.note(word, candidates));
        return true;
    }

    private void checkNumber(Expr value, Type.Num num, Range range, String name) {
        if (!(value instanceof Expr.NumberLit n)) {
            wrongType(value, num, name);
            return;
        }
        if (num.integer() && !n.isInteger()) {
            ctx.diagnostics.error(ErrorCode.E303, n.span(), name + " must be a whole number, got " + n.text());
            return;
        }
        if (range != null && !range.contains(n.value()))
            ctx.diagnostics.error(ErrorCode.E304, n.span(), Values.rangeRule(name, range) + ", got " + n.text());
    }

    private void checkChoice(Expr value, Type.Choice choice, String name) {
        String word = Values.wordOrString(value);
        if (word == null || value instanceof Expr.Call) {
            wrongType(value, choice, name);
            return;
        }
        if (!choice.values().contains(word))
            ctx.diagnostics.error(ErrorCode.E307, value.span(), "'" + word + "' is not a valid " + name + ": expected " + choice.describe(),
                    Suggest.note(word, choice.values()));
    }

    private Resolved checkComponent(Expr value, Set<Kind> kinds, String name) {
        if (value instanceof Expr.Call call) return components.checkCall(call, kinds);
        if (value instanceof Expr.Ref ref && ref.path().isSimple()) return components.checkBareName(ref, kinds);
        wrongType(value, new Type.Component(kinds), name);
        return null;
    }

    void wrongType(Expr value, Type type, String name) {
        ctx.diagnostics.error(ErrorCode.E303, value.span(), name + " must be " + type.describe() + ", got " + Values.describe(value));
    }

    /** Whether the value is certainly meant as this type (used to pick an alternative of AnyOf). */
    boolean fitsExactly(Expr value, Type type) {
        if (type instanceof Type.Num num) return value instanceof Expr.NumberLit n && (!num.integer() || n.isInteger());
        if (type instanceof Type.Bool) return value instanceof Expr.BoolLit;
        if (type instanceof Type.Str) return value instanceof Expr.StringLit;
        if (type instanceof Type.Choice c) {
            String w = Values.wordOrString(value);
            return w != null && !(value instanceof Expr.Call) && c.values().contains(w);
        }
        if (type instanceof Type.Component comp) {
            if (value instanceof Expr.Call call) return ctx.registry.find(comp.kinds(), call.callee().text()).isPresent();
            String w = value instanceof Expr.Ref r && r.path().isSimple() ? r.path().head().text() : null;
            if (w == null) return false;
            Symbol s = ctx.symbols.get(w);
            if (s != null) {
                for (Kind k : comp.kinds()) if (CheckContext.declarationKinds(k).contains(s.kind())) return true;
                return false;
            }
            return ctx.registry.find(comp.kinds(), w).isPresent();
        }
        if (type instanceof Type.Ref ref) {
            if (!(value instanceof Expr.Ref r && r.path().isSimple())) return false;
            Symbol s = ctx.symbols.get(r.path().head().text());
            return s != null && ref.declarationKinds().contains(s.kind());
        }
        if (type instanceof Type.ListOf) return value instanceof Expr.ListLit;
        if (type instanceof Type.Group) return value instanceof Expr.BlockLit;
        if (type instanceof Type.AnyOf any) {
            for (Type o : any.options()) if (fitsExactly(value, o)) return true;
            return false;
        }
        return false;
    }

    /** Whether the value has the form of this type, right or wrong in detail. */
    private boolean fitsLoosely(Expr value, Type type) {
        if (type instanceof Type.Num) return value instanceof Expr.NumberLit;
        if (type instanceof Type.Choice) return value instanceof Expr.Ref r && r.path().isSimple();
        if (type instanceof Type.Component) return value instanceof Expr.Call || value instanceof Expr.Ref r && r.path().isSimple();
        if (type instanceof Type.Ref) return value instanceof Expr.Ref r && r.path().isSimple();
        if (type instanceof Type.AnyOf any) {
            for (Type o : any.options()) if (fitsLoosely(value, o)) return true;
            return false;
        }
        return fitsExactly(value, type);
    }

    static String kindsLabel(Set<Kind> kinds) {
        Set<String> labels = new TreeSet<>();
        for (Kind k : kinds) labels.add(k.label());
        return String.join(" or ", labels);
    }
}
