package org.mlopt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rungs of a halving or Hyperband search: per bracket, each configuration (trials with the
 * same parameters) with the score it reached at each rung's budget, and whether it was promoted
 * to the next rung.
 *
 * @param resource the budget's kind ({@code epochs}, {@code samples})
 * @param brackets the brackets in bracket order
 */
record SearchRungs(String resource, List<Bracket> brackets) {

    /** One configuration's result at one rung. */
    record Rung(int rung, double units, double score, int trial, boolean promoted) {}

    /** One configuration of a bracket, its rungs in order; {@code best} when it is the search's best parameters. */
    record Config(String label, List<Rung> rungs, boolean best) {}

    /** A bracket's configurations in first-trial order. */
    record Bracket(int number, List<Config> configs) {

        /** The highest rung any configuration reached. */
        int topRung() {
            int top = -1;
            for (Config c : configs) top = Math.max(top, c.rungs().get(c.rungs().size() - 1).rung());
            return top;
        }
    }

    /** The rungs of {@code s}, or null when its trials carry none (grid, random, TPE searches). */
    static SearchRungs of(SearchTrials s) {
        Map<Integer, Map<String, List<SearchTrials.Trial>>> byBracket = new TreeMap<>();
        String resource = "";
        for (SearchTrials.Trial t : s.trials()) {
            if (t.rung() < 0 || t.budget() == null) continue;
            resource = t.budget().kind();
            byBracket.computeIfAbsent(Math.max(0, t.bracket()), b -> new LinkedHashMap<>()).computeIfAbsent(key(t.params()), k -> new ArrayList<>()).add(t);
        }
        if (byBracket.isEmpty()) return null;
        Map<String, Object> bestParams = s.best() >= 0 ? s.trials().get(s.best()).params() : Map.of();
        List<Bracket> brackets = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, List<SearchTrials.Trial>>> b : byBracket.entrySet()) {
            List<Config> configs = new ArrayList<>();
            for (List<SearchTrials.Trial> trials : b.getValue().values()) {
                trials.sort((x, y) -> Integer.compare(x.rung(), y.rung()));
                List<Rung> rungs = new ArrayList<>();
                for (int i = 0; i < trials.size(); i++) {
                    SearchTrials.Trial t = trials.get(i);
                    boolean promoted = i + 1 < trials.size() && trials.get(i + 1).rung() > t.rung();
                    rungs.add(new Rung(t.rung(), t.budget().units(), t.score(), t.number(), promoted));
                }
                SearchTrials.Trial first = trials.get(0);
                String label = s.describe(first).replaceFirst("^trial \\d+: ", "").replaceFirst(" → .*$", "");
                configs.add(new Config(label, rungs, !bestParams.isEmpty() && SearchTrials.sameParams(first.params(), bestParams)));
            }
            brackets.add(new Bracket(b.getKey(), configs));
        }
        return new SearchRungs(resource.isEmpty() ? "budget" : resource, brackets);
    }

    /** Equal parameters give equal keys, whatever the numbers' Java types. */
    private static String key(Map<String, Object> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(params).entrySet())
            sb.append(e.getKey()).append('=').append(e.getValue() instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(e.getValue())).append('\u0000');
        return sb.toString();
    }
}
