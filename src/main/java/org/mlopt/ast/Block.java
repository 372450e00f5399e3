package org.mlopt.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code { key: value ... }}: the settings of a statement, a nested option group or a network body. */
public record Block(List<Entry> entries, Span span) implements Node {

    public Block {
        entries = List.copyOf(entries);
    }

    public static Block empty(Span span) {
        return new Block(List.of(), span);
    }

    /** One entry of a block. */
    public sealed interface Entry extends Node permits Keyed, Bare, Space {}

    /** {@code key: value}; the key may be a path ({@code opt.lr}) inside a search space. */
    public record Keyed(Path key, Expr value, Span span) implements Entry {}

    /** A component call standing alone, as a layer does in a network body. */
    public record Bare(Expr.Call call, Span span) implements Entry {}

    /** {@code space { ... }} inside a search. */
    public record Space(Name keyword, Block block, Span span) implements Entry {}

    public List<Keyed> keyed() {
        List<Keyed> out = new ArrayList<>();
        for (Entry e : entries) if (e instanceof Keyed k) out.add(k);
        return out;
    }

    /** The first entry whose key is exactly {@code name}. */
    public Optional<Keyed> get(String name) {
        for (Entry e : entries)
            if (e instanceof Keyed k && k.key().isSimple() && k.key().head().text().equals(name)) return Optional.of(k);
        return Optional.empty();
    }

    public List<Expr.Call> bareCalls() {
        List<Expr.Call> out = new ArrayList<>();
        for (Entry e : entries) if (e instanceof Bare b) out.add(b.call());
        return out;
    }

    public Optional<Space> space() {
        for (Entry e : entries) if (e instanceof Space s) return Optional.of(s);
        return Optional.empty();
    }
}
