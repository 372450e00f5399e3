package org.mlopt.plan;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One key of a search space: its path as written, its primitive (a list, choice, uniform, ...)
 * and, for {@code when(penalty: elastic_net, ...)}, the values of other keys it needs to be active.
 */
public record SpaceKey(String key, Expr primitive, Map<String, List<String>> conditions) {

    public SpaceKey {
        conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    }

    /** The keys of a {@code space { ... }} block in declaration order. */
    public static List<SpaceKey> parse(Block space) {
        List<SpaceKey> out = new ArrayList<>();
        for (Block.Keyed k : space.keyed()) out.add(of(k.key().toString(), k.value()));
        return out;
    }

    /**
     * The statement every trial of a search over these keys replays: {@code prune} when a key
     * names a prune setting ({@code prune.sparsity}), {@code distill} when one names a distillation
     * setting, else null.
     */
    public static String replayed(List<SpaceKey> keys) {
        for (SpaceKey k : keys) if (k.key().startsWith("prune.")) return "prune";
        for (SpaceKey k : keys) if (k.key().startsWith("distill.")) return "distill";
        return null;
    }

    public static SpaceKey of(String key, Expr value) {
        if (value instanceof Expr.Call c && c.callee().text().equals("when")) {
            Map<String, List<String>> conditions = new LinkedHashMap<>();
            Expr inner = null;
            for (Expr.Arg a : c.args()) {
                if (a.positional()) inner = a.value();
                else conditions.put(a.name().text(), texts(a.value()));
            }
            return new SpaceKey(key, inner, conditions);
        }
        return new SpaceKey(key, value, Map.of());
    }

    private static List<String> texts(Expr e) {
        List<String> out = new ArrayList<>();
        if (e instanceof Expr.ListLit l) for (Expr item : l.items()) out.add(ExprText.of(item));
        else out.add(ExprText.of(e));
        return out;
    }

    boolean conditional() {
        return !conditions.isEmpty();
    }

    private String primitiveName() {
        return primitive instanceof Expr.Call c ? c.callee().text() : "";
    }

    /** Whether a grid can enumerate this key: a list, {@code choice(...)} or {@code quniform(low, high, q)}. */
    boolean enumerable() {
        return primitive instanceof Expr.ListLit || primitiveName().equals("choice") || primitiveName().equals("quniform")
                || !(primitive instanceof Expr.Call);
    }

    /** The values a grid takes, as source text. */
    List<String> values() {
        List<String> out = new ArrayList<>();
        if (primitive instanceof Expr.ListLit l) for (Expr e : l.items()) out.add(ExprText.of(e));
        else if (primitiveName().equals("choice")) for (Expr.Arg a : ((Expr.Call) primitive).args()) out.add(ExprText.of(a.value()));
        else if (primitiveName().equals("quniform")) {
            Expr.Call c = (Expr.Call) primitive;
            double low = Values.number(Values.arg(c, "low", 0), 0), high = Values.number(Values.arg(c, "high", 1), 0);
            double q = Values.number(Values.arg(c, "q", 2), 1);
            long steps = (long) Math.floor((high - low) / q + 1e-9);
            for (long i = 0; i <= steps; i++) out.add(PlanFormat.number(low + i * q));
        } else if (!(primitive instanceof Expr.Call)) out.add(ExprText.of(primitive));
        else throw new IllegalArgumentException("search key " + key + ": " + ExprText.of(primitive)
                + " is continuous and cannot be enumerated by a grid (the checker reports this as E604)");
        return out;
    }

    /** Whether this key is active given the values chosen so far. */
    boolean active(Map<String, String> chosen) {
        for (Map.Entry<String, List<String>> c : conditions.entrySet()) {
            String value = chosen.get(c.getKey());
            if (value == null || c.getValue().stream().noneMatch(v -> sameValue(v, value))) return false;
        }
        return true;
    }

    static boolean sameValue(String a, String b) {
        if (a.equals(b)) return true;
        try {
            return Double.parseDouble(a.replace("_", "")) == Double.parseDouble(b.replace("_", ""));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The mean of a numeric primitive, used to cost a sampled trial; empty for non-numeric ones. */
    OptionalDouble expected() {
        String p = primitiveName();
        if (primitive instanceof Expr.ListLit || p.equals("choice")) {
            List<Expr> items = primitive instanceof Expr.ListLit l ? l.items()
                    : ((Expr.Call) primitive).args().stream().map(Expr.Arg::value).toList();
            double sum = 0;
            for (Expr e : items) {
                if (!(e instanceof Expr.NumberLit n)) return OptionalDouble.empty();
                sum += n.value();
            }
            return items.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(sum / items.size());
        }
        if (!(primitive instanceof Expr.Call c)) return OptionalDouble.empty();
        double low = Values.number(Values.arg(c, "low", 0), Double.NaN), high = Values.number(Values.arg(c, "high", 1), Double.NaN);
        if (Double.isNaN(low) || Double.isNaN(high)) return OptionalDouble.empty();
        return switch (p) {
            case "uniform", "quniform", "randint" -> OptionalDouble.of((low + high) / 2);
            case "loguniform" -> OptionalDouble.of(low > 0 && high > low ? (high - low) / Math.log(high / low) : low);
            default -> OptionalDouble.empty();
        };
    }

    /** {@code key: primitive}, with its condition. */
    String describe() {
        return key + ": " + (conditional() ? "when(" + conditionText() + ", " + ExprText.of(primitive) + ")" : ExprText.of(primitive));
    }

    private String conditionText() {
        List<String> parts = new ArrayList<>();
        conditions.forEach((k, v) -> parts.add(k + ": " + (v.size() == 1 ? v.get(0) : v.toString())));
        return String.join(", ", parts);
    }

    Optional<Double> numeric(String value) {
        try {
            return Optional.of(Double.parseDouble(value.replace("_", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
