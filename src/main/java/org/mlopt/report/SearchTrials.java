package org.mlopt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trials of a search step ({@code details.trial_scores}), their parameter names, the score
 * they were ranked by ({@code mean_<scoring>}) and which trial won.
 *
 * @param scoring    the scoring name ({@code accuracy})
 * @param trials     every trial, in trial order
 * @param parameters the parameter names in first-seen order
 * @param best       the index in {@code trials} of the best trial, or -1
 * @param maximize   whether higher scores are better (deduced from the best trial)
 */
record SearchTrials(String scoring, List<Trial> trials, List<String> parameters, int best, boolean maximize) {

    /**
     * One trial: number, parameter values (Number or String), state and score (NaN if none); under
     * halving and Hyperband also its bracket and rung (-1 otherwise) and the budget it was given.
     */
    record Trial(int number, Map<String, Object> params, String state, double score, double std, int bracket, int rung, Budget budget) {

        Trial(int number, Map<String, Object> params, String state, double score, double std) {
            this(number, params, state, score, std, -1, -1, null);
        }
    }

    /** A trial's training budget: {@code units} of {@code kind} (epochs, samples). */
    record Budget(String kind, double units) {}

    /** The trials of {@code step}, or null when it records none. */
    static SearchTrials of(StepRecord step) {
        if (!(step.details().get("trial_scores") instanceof List<?> list) || list.isEmpty()) return null;
        String scoreKey = null;
        List<Trial> trials = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Object o : list) {
            Map<String, Object> t = StepRecord.map(o);
            if (scoreKey == null) for (String k : t.keySet()) if (k.startsWith("mean_")) {
                scoreKey = k;
                break;
            }
            Map<String, Object> params = new LinkedHashMap<>(StepRecord.map(t.get("params")));
            names.addAll(params.keySet());
            double n = StepRecord.number(t.get("trial"));
            double bracket = StepRecord.number(t.get("bracket")), rung = StepRecord.number(t.get("rung"));
            Map<String, Object> resource = StepRecord.map(t.get("resource"));
            double units = StepRecord.number(resource.get("units"));
            trials.add(new Trial(Double.isNaN(n) ? trials.size() : (int) n, params, StepRecord.text(t.get("state")),
                    scoreKey == null ? Double.NaN : StepRecord.number(t.get(scoreKey)),
                    scoreKey == null ? Double.NaN : StepRecord.number(t.get("std_" + scoreKey.substring(5))),
                    Double.isNaN(bracket) ? -1 : (int) bracket, Double.isNaN(rung) ? -1 : (int) rung,
                    Double.isNaN(units) ? null : new Budget(StepRecord.text(resource.get("kind")), units)));
        }
        String scoring = scoreKey == null ? "score" : scoreKey.substring(5);
        Map<String, Object> bestParams = StepRecord.map(step.details().get("best_params"));
        int best = -1;
        // Under halving and Hyperband the best parameters were tried at several rungs: the best trial is the highest-rung one.
        for (int i = 0; i < trials.size(); i++)
            if (!bestParams.isEmpty() && sameParams(trials.get(i).params(), bestParams) && (best < 0 || trials.get(i).rung() > trials.get(best).rung())) best = i;
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        int argMax = -1;
        for (int i = 0; i < trials.size(); i++) {
            double s = trials.get(i).score();
            if (!Double.isFinite(s)) continue;
            if (s > max) {
                max = s;
                argMax = i;
            }
            min = Math.min(min, s);
        }
        boolean maximize = best < 0 || !(trials.get(best).score() == min && min != max);
        if (best < 0) best = argMax;
        return new SearchTrials(scoring, trials, List.copyOf(names), best, maximize);
    }

    static boolean sameParams(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (String k : a.keySet()) {
            Object x = a.get(k), y = b.get(k);
            if (x instanceof Number nx && y instanceof Number ny) {
                if (nx.doubleValue() != ny.doubleValue()) return false;
            } else if (!String.valueOf(x).equals(String.valueOf(y))) return false;
        }
        return true;
    }

    /** Whether every value of {@code param} is a number. */
    boolean numeric(String param) {
        for (Trial t : trials) {
            Object v = t.params().get(param);
            if (v != null && !(v instanceof Number)) return false;
        }
        return true;
    }

    /** A short description of a trial's settings and score. */
    String describe(Trial t) {
        StringBuilder sb = new StringBuilder("trial ").append(t.number()).append(": ");
        boolean first = true;
        for (Map.Entry<String, Object> e : t.params().entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(e.getKey()).append('=').append(e.getValue() instanceof Number n ? Svg.human(n.doubleValue()) : String.valueOf(e.getValue()));
        }
        return sb.append(" → ").append(scoring).append(' ').append(Double.isFinite(t.score()) ? Svg.human(t.score(), 6) : t.state()).toString();
    }
}
