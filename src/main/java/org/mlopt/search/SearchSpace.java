package org.mlopt.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An immutable search space: dimensions in declaration order. Conditions must name other
 * dimensions of the space and must not form a cycle.
 */
public final class SearchSpace {

    private final List<Dimension> dimensions;
    private final List<Dimension> resolutionOrder;

    public SearchSpace(List<Dimension> dimensions) {
        this.dimensions = List.copyOf(dimensions);
        Set<String> names = new HashSet<>();
        for (Dimension d : this.dimensions)
            if (!names.add(d.name())) throw new IllegalArgumentException("search space key " + d.name() + " appears twice");
        for (Dimension d : this.dimensions)
            for (String other : d.when().keySet())
                if (!names.contains(other) || other.equals(d.name()))
                    throw new IllegalArgumentException("search space key " + d.name() + ": when(...) names " + other
                            + ", which is not another key of the space");
        this.resolutionOrder = resolve(this.dimensions);
    }

    public static SearchSpace of(Dimension... dimensions) {
        return new SearchSpace(List.of(dimensions));
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public Optional<Dimension> dimension(String name) {
        for (Dimension d : dimensions) if (d.name().equals(name)) return Optional.of(d);
        return Optional.empty();
    }

    /** Dimensions ordered so that every condition's dimension comes before the dimensions it controls. */
    public List<Dimension> resolutionOrder() {
        return resolutionOrder;
    }

    /** Whether a grid can enumerate every dimension. */
    public boolean enumerable() {
        return dimensions.stream().allMatch(d -> d.domain().enumerable());
    }

    /** Every grid candidate in scikit-learn's {@code ParameterGrid} order (see {@link GridSampler}). */
    public List<Config> grid() {
        return PlanBridge.grid(this);
    }

    /**
     * Draws every active dimension independently from {@code random}, in {@link #resolutionOrder()};
     * the configuration lists keys in declaration order.
     */
    public Config sample(SplittableRandom random) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (Dimension d : resolutionOrder) if (d.active(chosen)) chosen.put(d.name(), d.domain().sample(random));
        return inDeclarationOrder(chosen);
    }

    /** The same values, keys in declaration order. */
    Config inDeclarationOrder(Map<String, Object> chosen) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Dimension d : dimensions) if (chosen.containsKey(d.name())) ordered.put(d.name(), chosen.get(d.name()));
        return new Config(ordered);
    }

    private static List<Dimension> resolve(List<Dimension> dims) {
        List<Dimension> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<Dimension> pending = new ArrayList<>(dims);
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (int i = 0; i < pending.size(); i++) {
                Dimension d = pending.get(i);
                if (done.containsAll(d.when().keySet())) {
                    out.add(pending.remove(i));
                    done.add(d.name());
                    progressed = true;
                    break;
                }
            }
            if (!progressed) throw new IllegalArgumentException("search space conditions form a cycle at " + pending.get(0).name());
        }
        return List.copyOf(out);
    }

    /** One {@code key: domain} line per dimension. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (Dimension d : dimensions) lines.add(d.describe());
        return String.join("\n", lines);
    }
}
