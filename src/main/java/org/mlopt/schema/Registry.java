package org.mlopt.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every component the language names, by kind and name. The checker, the docs generator, the
 * REPL's completion and the formatter all read this; nothing else lists components.
 */
public final class Registry {

    private static final Registry STANDARD = new Registry(Catalog.all());

    private final Map<Kind, Map<String, Component>> byKind = new EnumMap<>(Kind.class);

    public Registry(Collection<Component> components) {
        for (Kind k : Kind.values()) byKind.put(k, new LinkedHashMap<>());
        for (Component c : components) {
            Component previous = byKind.get(c.kind()).put(c.name(), c);
            if (previous != null) throw new IllegalStateException("component listed twice: " + c.kind() + " " + c.name());
        }
    }

    /** The components mlopt ships. */
    public static Registry standard() {
        return STANDARD;
    }

    public Optional<Component> find(Kind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** The first component of any of the kinds with this name, in the order the kinds are given. */
    public Optional<Component> find(Collection<Kind> kinds, String name) {
        for (Kind k : kinds) {
            Component c = byKind.get(k).get(name);
            if (c != null) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** All components with this name, whatever their kind ({@code l2} is a regularizer and a choice). */
    public List<Component> named(String name) {
        List<Component> out = new ArrayList<>();
        for (Map<String, Component> m : byKind.values()) if (m.containsKey(name)) out.add(m.get(name));
        return out;
    }

    public Collection<Component> all(Kind kind) {
        return Collections.unmodifiableCollection(byKind.get(kind).values());
    }

    public Collection<String> names(Kind kind) {
        return Collections.unmodifiableCollection(byKind.get(kind).keySet());
    }

    public List<Component> all() {
        List<Component> out = new ArrayList<>();
        for (Map<String, Component> m : byKind.values()) out.addAll(m.values());
        return out;
    }

    /** The settings schema of a statement's block ({@code train}, {@code search}, ...). */
    public Optional<Component> statement(String keyword) {
        return find(Kind.STATEMENT, keyword);
    }

    /** The schema of a nested option group ({@code early_stop}, {@code finetune}). */
    public Optional<Component> group(String name) {
        return find(Kind.OPTION_GROUP, name);
    }
}
