package org.mlopt.exec;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Type;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves checked component calls and settings blocks into {@link Bound} values: positional
 * arguments get their names, missing parameters their schema defaults, and references to declared
 * components ({@code optimizer: opt}) are replaced by the declaration's own call.
 */
public final class Binder {

    private final Registry registry;
    private final Map<String, Declared> declarations;

    /** A declared component name ({@code optimizer opt = adam(...)}) and the call it stands for. */
    public record Declared(Kind kind, Expr.Call call) {}

    /** @param declarations declared component names (loss, optimizer, ...) and the calls they stand for */
    public Binder(Registry registry, Map<String, Declared> declarations) {
        this.registry = registry;
        this.declarations = Map.copyOf(declarations);
    }

    /** Binds a call of a component of one of the given kinds. */
    public Bound call(Expr.Call call, Set<Kind> kinds) {
        return call(call, kinds, true);
    }

    /** Binds only the arguments the call gives, without schema defaults (for metrics whose defaults depend on the data). */
    public Bound given(Expr.Call call, Set<Kind> kinds) {
        return call(call, kinds, false);
    }

    private Bound call(Expr.Call call, Set<Kind> kinds, boolean withDefaults) {
        Optional<Component> schema = registry.find(kinds, call.callee().text());
        Map<String, Object> values = new LinkedHashMap<>();
        if (schema.isEmpty()) {
            // Calls whose schema is generic (space primitives such as choice) keep their arguments in order.
            List<Object> positional = new ArrayList<>();
            for (Expr.Arg a : call.args()) {
                if (a.positional()) positional.add(value(a.value(), null));
                else values.put(a.name().text(), value(a.value(), null));
            }
            values.put("$args", positional);
            return new Bound(call.callee().text(), values, call.span());
        }
        Component c = schema.get();
        List<Param> positionalParams = c.positionalParams();
        List<Object> extra = new ArrayList<>();
        int next = 0;
        for (Expr.Arg a : call.args()) {
            if (a.positional()) {
                if (next < positionalParams.size()) {
                    Param p = positionalParams.get(next++);
                    values.put(p.name(), value(a.value(), p.type()));
                } else extra.add(value(a.value(), null));
            } else {
                Param p = c.param(a.name().text()).orElse(null);
                values.put(a.name().text(), value(a.value(), p == null ? null : p.type()));
            }
        }
        if (!extra.isEmpty()) values.put("$args", extra);
        if (withDefaults) fillDefaults(c, values);
        return new Bound(c.name(), values, call.span());
    }

    /** Binds a statement's settings block against its STATEMENT or OPTION_GROUP schema. */
    public Bound block(String schemaName, Kind kind, Block block) {
        Optional<Component> schema = registry.find(kind, schemaName);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Block.Keyed k : block.keyed()) {
            String key = k.key().toString();
            Type type = schema.flatMap(s -> s.param(key)).map(Param::type).orElse(null);
            values.put(key, value(k.value(), type));
        }
        schema.ifPresent(s -> fillDefaults(s, values));
        return new Bound(schemaName, values, block.span());
    }

    /** An empty settings block: the schema's defaults. */
    public Bound defaults(String schemaName, Kind kind) {
        Map<String, Object> values = new LinkedHashMap<>();
        registry.find(kind, schemaName).ifPresent(s -> fillDefaults(s, values));
        return new Bound(schemaName, values, org.mlopt.ast.Span.NONE);
    }

    private static void fillDefaults(Component c, Map<String, Object> values) {
        for (Param p : c.params()) if (!values.containsKey(p.name()) && p.defaultValue() != null) values.put(p.name(), p.defaultValue());
    }

    private Object value(Expr e, Type type) {
        if (e instanceof Expr.NumberLit n) return n.value();
        if (e instanceof Expr.StringLit s) return s.value();
        if (e instanceof Expr.BoolLit b) return b.value();
        if (e instanceof Expr.ListLit l) {
            Type element = type instanceof Type.ListOf lt ? lt.element() : null;
            List<Object> items = new ArrayList<>();
            for (Expr item : l.items()) items.add(value(item, element));
            return items;
        }
        if (e instanceof Expr.BlockLit b) {
            String group = groupName(type);
            return group == null ? block("", Kind.OPTION_GROUP, b.block()) : block(group, Kind.OPTION_GROUP, b.block());
        }
        if (e instanceof Expr.Call c) return call(c, componentKinds(type));
        Expr.Ref r = (Expr.Ref) e;
        String name = r.path().toString();
        Declared declared = declarations.get(name);
        Set<Kind> kinds = componentKinds(type);
        if (declared != null) return call(declared.call(), EnumSet.of(declared.kind()));
        if (!kinds.isEmpty() && registry.find(kinds, name).isPresent())
            return call(new Expr.Call(new org.mlopt.ast.Name(name, r.span()), List.of(), r.span()), kinds);
        return name;
    }

    private static String groupName(Type type) {
        if (type instanceof Type.Group g) return g.schemaName();
        if (type instanceof Type.AnyOf any)
            for (Type t : any.options()) if (t instanceof Type.Group g) return g.schemaName();
        return null;
    }

    private static Set<Kind> componentKinds(Type type) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (type instanceof Type.Component c) kinds.addAll(c.kinds());
        else if (type instanceof Type.AnyOf any)
            for (Type t : any.options()) if (t instanceof Type.Component c) kinds.addAll(c.kinds());
        return kinds;
    }
}
