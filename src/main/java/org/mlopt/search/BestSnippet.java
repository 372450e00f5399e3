package org.mlopt.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The best parameters as text to paste into a {@code .mlopt} script: plain keys (parameters of
 * the searched model) become the model's declaration,
 * {@code model clf = logistic_regression(C: 1, penalty: l2)}; dotted keys ({@code opt.lr},
 * {@code train.epochs}, {@code net.dense[0]}) follow as {@code key: value} lines, which are also
 * valid {@code --set key=value} overrides once the colon becomes {@code =}.
 */
public final class BestSnippet {

    private BestSnippet() {}

    /**
     * @param model     the searched model's name ({@code clf})
     * @param component its component ({@code logistic_regression}); null to print plain keys as lines too
     */
    public static String render(String model, String component, Config best) {
        List<String> plain = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> e : best.values().entrySet()) {
            String kv = e.getKey() + ": " + ConfigValues.format(e.getValue());
            if (component != null && isPlain(e.getKey())) plain.add(kv);
            else lines.add(kv);
        }
        StringBuilder out = new StringBuilder();
        if (component != null) out.append("model ").append(model).append(" = ").append(component)
                .append('(').append(String.join(", ", plain)).append(")\n");
        for (String l : lines) out.append(l).append('\n');
        return out.toString();
    }

    /** Every key as a {@code key: value} line. */
    public static String lines(Config best) {
        return render(null, null, best);
    }

    private static boolean isPlain(String key) {
        return key.indexOf('.') < 0 && key.indexOf('[') < 0;
    }
}
