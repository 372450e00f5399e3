package org.mlopt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The rung chart of halving and Hyperband searches and the Pareto chart of two-objective
 * searches, read back from their SVG. The halving and Hyperband run folders under
 * {@code src/test/resources/report/} were written by {@code mlopt run --report} on the scripts
 * stored with them (an iris network, 3-fold CV, halving factor 3, 27 epochs at most).
 */
class SearchChartsTest {

    /** Rows of the search's trial_scores, grouped by bracket then by parameters (as the JSON gives them). */
    private static Map<Integer, Map<String, List<Map<String, Object>>>> configsByBracket(StepRecord search) {
        Map<Integer, Map<String, List<Map<String, Object>>>> out = new TreeMap<>();
        for (Object o : (List<?>) search.details().get("trial_scores")) {
            Map<String, Object> row = StepRecord.map(o);
            int bracket = ((Number) row.get("bracket")).intValue();
            String params = new TreeMap<>(StepRecord.map(row.get("params"))).toString();
            out.computeIfAbsent(bracket, b -> new LinkedHashMap<>()).computeIfAbsent(params, p -> new ArrayList<>()).add(row);
        }
        return out;
    }

    private static StepRecord search(Path run) throws Exception {
        return RunRecord.read(run).steps().stream().filter(s -> s.kind().equals("search")).findFirst().orElseThrow();
    }

    private static void checkRungs(String fixture, int expectedBrackets, Path dir) throws Exception {
        Path run = ReportWriterTest.copyFixture(fixture, dir);
        Document doc = Xml.parse(java.nio.file.Files.readString(ReportWriter.write(run, dir)), false);
        StepRecord search = search(run);
        Map<Integer, Map<String, List<Map<String, Object>>>> expected = configsByBracket(search);
        assertEquals(expectedBrackets, expected.size());
        List<Element> charts = Xml.select(doc, "//svg[@data-kind='rungs']");
        assertEquals(1, charts.size());
        List<Element> panels = Xml.select(charts.get(0), ".//g[@class='bracket']");
        assertEquals(expectedBrackets, panels.size(), "one panel per bracket");
        for (Element panel : panels) {
            int bracket = Integer.parseInt(panel.getAttribute("data-bracket"));
            Map<String, List<Map<String, Object>>> configs = expected.get(bracket);
            List<Element> lines = Xml.select(panel, "./g[starts-with(@class, 'config')]");
            assertEquals(configs.size(), lines.size(), "one line per configuration in bracket " + bracket);
            // Each configuration's line has one point per rung it reached, at that rung's budget and score.
            Map<Integer, Map<String, Object>> rowByTrial = new TreeMap<>();
            for (List<Map<String, Object>> rows : configs.values()) for (Map<String, Object> r : rows) rowByTrial.put(((Number) r.get("trial")).intValue(), r);
            Set<Set<Integer>> expectedGroups = new HashSet<>(), drawnGroups = new HashSet<>();
            for (List<Map<String, Object>> rows : configs.values()) {
                Set<Integer> trials = new TreeSet<>();
                for (Map<String, Object> r : rows) trials.add(((Number) r.get("trial")).intValue());
                expectedGroups.add(trials);
            }
            for (Element line : lines) {
                List<Element> points = Xml.select(line, "./circle");
                assertEquals(Integer.parseInt(line.getAttribute("data-rungs")), points.size());
                Set<Integer> trials = new TreeSet<>();
                for (Element p : points) {
                    int trial = Integer.parseInt(p.getAttribute("data-trial"));
                    trials.add(trial);
                    Map<String, Object> row = rowByTrial.get(trial);
                    assertEquals(((Number) row.get("mean_accuracy")).doubleValue(), Double.parseDouble(p.getAttribute("data-value")));
                    assertEquals(((Number) StepRecord.map(row.get("resource")).get("units")).doubleValue(), Double.parseDouble(p.getAttribute("data-x")));
                    assertEquals(((Number) row.get("rung")).intValue(), Integer.parseInt(p.getAttribute("data-rung")));
                }
                drawnGroups.add(trials);
                // Promoted: the same configuration has a result at the next rung.
                for (int i = 0; i < points.size(); i++)
                    assertEquals(i + 1 < points.size(), Boolean.parseBoolean(points.get(i).getAttribute("data-promoted")), "trial " + trials);
            }
            assertEquals(expectedGroups, drawnGroups, "trials grouped by configuration in bracket " + bracket);
        }
        // The best parameters' line is the highlighted one, and it ends at the best rung's score.
        List<Element> best = Xml.select(charts.get(0), ".//g[@class='config best']");
        assertEquals(1, best.size());
        List<Double> bestScores = Xml.dataValues(best.get(0), "./circle");
        assertEquals(((Number) search.metrics().get("accuracy")).doubleValue(), bestScores.get(bestScores.size() - 1));
        // The best parameters were tried at several rungs: the page reports their highest rung, the search's result.
        String bestTable = Xml.select(doc, "//section[@data-kind='search']//table[@class='best']").get(0).getTextContent();
        assertTrue(bestTable.contains(Svg.human(((Number) search.metrics().get("accuracy")).doubleValue(), 4)), bestTable);
        // Score-by-parameter points are coloured by budget: one group per distinct budget.
        Set<Double> budgets = new TreeSet<>();
        for (Object o : (List<?>) search.details().get("trial_scores")) budgets.add(((Number) StepRecord.map(StepRecord.map(o).get("resource")).get("units")).doubleValue());
        Set<String> groups = new TreeSet<>();
        for (Element c : Xml.select(doc, "(//svg[@data-kind='scatter'])[1]//circle[@data-value]")) groups.add(c.getAttribute("data-group"));
        assertEquals(budgets.size(), groups.size(), groups.toString());
    }

    @Test
    void halvingRungsDrawOneLinePerConfigurationThroughItsRungs(@TempDir Path dir) throws Exception {
        checkRungs("halving-20261129-231113", 1, dir);
    }

    @Test
    void hyperbandGetsOnePanelPerBracket(@TempDir Path dir) throws Exception {
        checkRungs("hyperband-20261129-231116", 4, dir);
    }

    @Test
    void underHalvingOnlyFullBudgetTrialsSetTheBestSoFar(@TempDir Path dir) throws Exception {
        Path run = ReportWriterTest.copyFixture("halving-20261129-231113", dir);
        Document doc = Xml.parse(java.nio.file.Files.readString(ReportWriter.write(run, dir)), false);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : (List<?>) search(run).details().get("trial_scores")) rows.add(StepRecord.map(o));
        double full = rows.stream().mapToDouble(r -> ((Number) StepRecord.map(r.get("resource")).get("units")).doubleValue()).max().orElseThrow();
        List<Double> expected = new ArrayList<>();
        double running = Double.NaN;
        for (Map<String, Object> r : rows) {
            double units = ((Number) StepRecord.map(r.get("resource")).get("units")).doubleValue();
            double score = ((Number) r.get("mean_accuracy")).doubleValue();
            if (units == full && (Double.isNaN(running) || score > running)) running = score;
            if (!Double.isNaN(running)) expected.add(running);
        }
        List<Element> charts = Xml.select(doc, "//svg[.//*[contains(text(), 'so far')]]");
        assertEquals(1, charts.size());
        assertEquals(expected, Xml.dataValues(charts.get(0), ".//g[@data-series='best so far']/circle"));
        assertTrue(rows.stream().anyMatch(r -> ((Number) StepRecord.map(r.get("resource")).get("units")).doubleValue() < full
                && ((Number) r.get("mean_accuracy")).doubleValue() > expected.get(0)), "a small-budget trial beats the first full one");
    }

    @Test
    void searchesWithoutRungsHaveNoRungChart(@TempDir Path dir) throws Exception {
        Path run = ReportWriterTest.copyFixture("grid_search-20261129-220045", dir);
        Document doc = Xml.parse(java.nio.file.Files.readString(ReportWriter.write(run, dir)), false);
        assertTrue(Xml.select(doc, "//svg[@data-kind='rungs']").isEmpty());
        assertTrue(Xml.select(doc, "//svg[@data-kind='pareto']").isEmpty());
    }

    // Hand-made two-objective search (accuracy up, parameter count down). By construction trials
    // 0, 2, 4 and 5 are not beaten on both objectives by any other trial; 1 and 3 are dominated;
    // trial 6 failed and has no scores.
    private static final double[][] OBJECTIVES = {{0.80, 100}, {0.78, 400}, {0.90, 1000}, {0.85, 5000}, {0.95, 20000}, {0.70, 50}};
    private static final List<Integer> FRONT = List.of(0, 2, 4, 5);

    private static Path paretoRun(Path dir) throws Exception {
        List<Object> trials = new ArrayList<>();
        for (int i = 0; i < OBJECTIVES.length; i++)
            trials.add(SyntheticRuns.map("trial", i, "params", SyntheticRuns.map("net.dense[0]", 4.0 * (i + 1)), "state", "complete",
                    "mean_accuracy", OBJECTIVES[i][0], "std_accuracy", 0.01, "mean_params", OBJECTIVES[i][1], "std_params", 0.0));
        trials.add(SyntheticRuns.map("trial", 6, "params", SyntheticRuns.map("net.dense[0]", 64.0), "state", "failed"));
        Map<String, Object> details = SyntheticRuns.map("strategy", "random", "folds", 3, "trials", 7,
                "objectives", List.of(SyntheticRuns.map("metric", "accuracy", "direction", "maximize"), SyntheticRuns.map("metric", "params", "direction", "minimize")),
                "pareto_front", FRONT, "best_params", SyntheticRuns.map("net.dense[0]", 20.0), "trial_scores", trials);
        Map<String, Object> step = SyntheticRuns.map("id", "s5", "kind", "search", "model", "net", "data", "train", "metrics", SyntheticRuns.map("accuracy", 0.95),
                "details", details);
        return SyntheticRuns.write(dir, "pareto", 0, List.of(), "", List.of(step));
    }

    @Test
    void paretoChartHighlightsExactlyTheFrontTrials(@TempDir Path dir) throws Exception {
        Path run = paretoRun(dir);
        Document doc = Xml.parse(java.nio.file.Files.readString(ReportWriter.write(run, dir)), false);
        Element chart = Xml.select(doc, "//svg[@data-kind='pareto']").get(0);
        List<Element> all = Xml.select(chart, ".//circle[@data-trial]");
        assertEquals(OBJECTIVES.length, all.size(), "every complete trial, not the failed one");
        for (Element c : all) {
            int t = Integer.parseInt(c.getAttribute("data-trial"));
            assertEquals(OBJECTIVES[t][0], Double.parseDouble(c.getAttribute("data-value")), "accuracy up");
            assertEquals(OBJECTIVES[t][1], Double.parseDouble(c.getAttribute("data-x")), "parameters across");
        }
        Set<Integer> highlighted = new TreeSet<>();
        for (Element c : Xml.select(chart, ".//circle[@class='front']")) highlighted.add(Integer.parseInt(c.getAttribute("data-trial")));
        assertEquals(new TreeSet<>(FRONT), highlighted);
        assertEquals(nonDominated(), highlighted, "the fixture's front is the true front");
        // The staircase visits the four front points and one corner between each pair.
        String d = Xml.select(chart, ".//path[@class='front-line']").get(0).getAttribute("d");
        assertEquals(1 + 2 * (FRONT.size() - 1), d.split("[ML]").length - 1, d);
        String text = chart.getTextContent();
        assertTrue(text.contains("accuracy (higher is better)") && text.contains("params (lower is better), log axis"), text);
    }

    @Test
    void staircaseCornersAreDominatedByBothNeighbours() throws Exception {
        // Two front points (x minimised, y maximised): (1, 0.5) and (10, 0.9); the corner is (10, 0.5).
        String svg = ParetoChart.render("t", new ParetoChart.Objective("y", true), new ParetoChart.Objective("x", false),
                List.of(new ParetoChart.Point(0, 1, 0.5, true, "a"), new ParetoChart.Point(1, 10, 0.9, true, "b")));
        Document doc = Xml.parse(svg, false);
        String[] d = Xml.select(doc, "//path[@class='front-line']").get(0).getAttribute("d").replaceAll("[ML]", "").trim().split("\\s+");
        double[] p = new double[d.length];
        for (int i = 0; i < d.length; i++) p[i] = Double.parseDouble(d[i]);
        assertEquals(6, p.length);
        assertEquals(p[4], p[2], 0.01, "corner below the right point");
        assertEquals(p[1], p[3], 0.01, "corner level with the left point");
    }

    private static Set<Integer> nonDominated() {
        return nonDominated(OBJECTIVES);
    }

    /** Indexes of the rows no other row beats on both (first up, second down). */
    private static Set<Integer> nonDominated(double[][] rows) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < rows.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < rows.length; j++)
                dominated |= j != i && rows[j][0] >= rows[i][0] && rows[j][1] <= rows[i][1]
                        && (rows[j][0] > rows[i][0] || rows[j][1] < rows[i][1]);
            if (!dominated) out.add(i);
        }
        return out;
    }

    @Test
    void paretoChartOfARealPruningSearch(@TempDir Path dir) throws Exception {
        // examples/pruning_search.mlopt (accuracy up, non-zero parameters down), run by mlopt at the commit that added objectives.
        Path run = ReportWriterTest.copyFixture("pruning_search-20261129-235100", dir);
        Document doc = Xml.parse(java.nio.file.Files.readString(ReportWriter.write(run, dir)), false);
        StepRecord search = search(run);
        List<double[]> objectives = new ArrayList<>();
        for (Object o : (List<?>) search.details().get("trial_scores")) {
            Map<String, Object> row = StepRecord.map(o);
            objectives.add(new double[] {StepRecord.number(row.get("mean_accuracy")), StepRecord.number(row.get("mean_params"))});
        }
        Set<Integer> front = new TreeSet<>();
        for (Object o : (List<?>) search.details().get("pareto_front")) front.add(((Number) o).intValue());
        Element chart = Xml.select(doc, "//svg[@data-kind='pareto']").get(0);
        Set<Integer> highlighted = new TreeSet<>();
        for (Element c : Xml.select(chart, ".//circle[@class='front']")) highlighted.add(Integer.parseInt(c.getAttribute("data-trial")));
        assertEquals(front, highlighted);
        assertEquals(nonDominated(objectives.toArray(new double[0][])), highlighted, "the run's front is the true front");
        assertEquals(objectives.size(), Xml.select(chart, ".//circle[@data-trial]").size());
        // The trials table carries both objectives' means.
        Element table = Xml.select(doc, "//table[@class='trials']").get(0);
        assertTrue(table.getTextContent().contains("mean params"));
        List<Double> params = Xml.dataValues(table, ".//tr/td[last()-1]/span");
        List<Double> expected = new ArrayList<>();
        for (double[] o : objectives) expected.add(o[1]);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(params));
    }

    @Test
    void aSearchWithoutAFrontHasNoParetoChart(@TempDir Path dir) throws Exception {
        Path run = paretoRun(dir);
        String summary = java.nio.file.Files.readString(run.resolve("summary.json"));
        java.nio.file.Files.writeString(run.resolve("summary.json"), summary.replace("\"pareto_front\"", "\"not_a_front\""));
        Document doc = Xml.parse(java.nio.file.Files.readString(ReportWriter.write(run, dir)), false);
        assertFalse(Xml.select(doc, "//svg[@data-kind='scatter']").isEmpty());
        assertTrue(Xml.select(doc, "//svg[@data-kind='pareto']").isEmpty());
    }
}
