package org.mlopt.lsp;

import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Type;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a parameter type admits, as completion and hover need it. */
final class Types {

    private Types() {}

    /** The component kinds a value of {@code type} may name, through lists and alternatives. */
    static Set<Kind> componentKinds(Type type) {
        Set<Kind> out = new LinkedHashSet<>();
        collect(type, out, new LinkedHashSet<>());
        return out;
    }

    /** The declaration kinds ("loss", "split", ...) a value of {@code type} may name. */
    static Set<String> declarationKinds(Type type) {
        Set<String> out = new LinkedHashSet<>();
        collect(type, new LinkedHashSet<>(), out);
        return out;
    }

    /** The element type of a list type (or of the list alternative of an {@code AnyOf}), else the type itself. */
    static Type element(Type type) {
        if (type instanceof Type.ListOf l) return l.element();
        if (type instanceof Type.AnyOf any)
            for (Type t : any.options()) if (t instanceof Type.ListOf l) return l.element();
        return type;
    }

    /** The schema name of a nested block type, if {@code type} is or includes one. */
    static Optional<String> group(Type type) {
        if (type instanceof Type.Group g) return Optional.of(g.schemaName());
        if (type instanceof Type.AnyOf any)
            for (Type t : any.options()) if (t instanceof Type.Group g) return Optional.of(g.schemaName());
        return Optional.empty();
    }

    /**
     * The component {@code name} most likely meant where a value of {@code expected} (may be null)
     * is written: one of the expected kinds if there is such a component, else any component
     * with that name. Statement and option-group schemas are not components a script calls.
     */
    static Optional<Component> component(Registry registry, String name, Type expected) {
        List<Component> candidates = registry.named(name).stream()
                .filter(c -> c.kind() != Kind.STATEMENT && c.kind() != Kind.OPTION_GROUP).toList();
        if (candidates.isEmpty()) return Optional.empty();
        if (expected != null) {
            Set<Kind> kinds = componentKinds(expected);
            for (Component c : candidates) if (kinds.contains(c.kind())) return Optional.of(c);
        }
        return Optional.of(candidates.get(0));
    }

    private static void collect(Type type, Set<Kind> kinds, Set<String> declarations) {
        if (type instanceof Type.Component c) kinds.addAll(c.kinds());
        else if (type instanceof Type.Ref r) declarations.addAll(r.declarationKinds());
        else if (type instanceof Type.ListOf l) collect(l.element(), kinds, declarations);
        else if (type instanceof Type.AnyOf any) for (Type t : any.options()) collect(t, kinds, declarations);
    }
}
