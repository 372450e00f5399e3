package org.mlopt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a run as {@code summary.json} records it. Values keep the JSON reader's types:
 * numbers are {@link Number} (or null for NaN), objects {@link Map}, arrays {@link List}.
 */
public record StepRecord(String id, String kind, String model, String data, Map<String, Object> metrics, Map<String, Object> details,
                         List<Map<String, Object>> history) {

    @SuppressWarnings("unchecked")
    static StepRecord from(Map<String, Object> json) {
        List<Map<String, Object>> history = new ArrayList<>();
        if (json.get("history") instanceof List<?> l)
            for (Object o : l) if (o instanceof Map<?, ?> m) history.add((Map<String, Object>) m);
        return new StepRecord(text(json.get("id")), text(json.get("kind")), text(json.get("model")), text(json.get("data")),
                map(json.get("metrics")), map(json.get("details")), history);
    }

    /** How a person names the step: {@code train net on train}. */
    public String title() {
        String t = kind;
        if (!model.isEmpty()) t += " " + model;
        if (!data.isEmpty()) t += " on " + data;
        return t;
    }

    /** The metrics that are single numbers (null for NaN), in their order. */
    public Map<String, Double> scalarMetrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : metrics.entrySet())
            if (e.getValue() == null) out.put(e.getKey(), Double.NaN);
            else if (e.getValue() instanceof Number n) out.put(e.getKey(), n.doubleValue());
        return out;
    }

    /** A number in the details, or null. */
    public Double detailNumber(String key) {
        return details.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
