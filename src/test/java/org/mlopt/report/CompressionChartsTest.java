package org.mlopt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Pruning's accuracy against sparsity and distillation's per-seed comparison, read back from the
 * SVG. The pruning and distillation run folders under {@code src/test/resources/report/} were
 * written by {@code mlopt run} on examples/pruning.mlopt and examples/distillation.mlopt (with
 * {@code seeds: 5}) at the commit that added {@code details.sweep}, {@code details.stages},
 * {@code per_seed} and {@code seed_stats}.
 */
class CompressionChartsTest {

    private static Document report(Path run, Path dir) throws Exception {
        return Xml.parse(Files.readString(ReportWriter.write(run, dir)), false);
    }

    private static List<Double> column(Object list, String key) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) list) out.add(StepRecord.number(StepRecord.map(o).get(key)));
        return out;
    }

    private static List<Double> xs(Element chart, String series) throws Exception {
        List<Double> out = new ArrayList<>();
        for (Element e : Xml.select(chart, ".//g[@data-series='" + series + "']/circle")) out.add(Double.parseDouble(e.getAttribute("data-x")));
        return out;
    }

    @Test
    void pruningDrawsTheSweepTheStagesAndTheDenseAccuracy(@TempDir Path dir) throws Exception {
        Path run = ReportWriterTest.copyFixture("pruning-20261129-231832", dir);
        Document doc = report(run, dir);
        int checked = 0;
        for (StepRecord step : RunRecord.read(run).steps()) {
            if (!step.kind().equals("prune")) continue;
            Element section = Xml.select(doc, "//section[@data-step='" + step.id() + "']").get(0);
            List<Element> charts = Xml.select(section, ".//svg[@data-kind='line'][contains(title, 'accuracy against sparsity')]");
            assertEquals(1, charts.size(), step.id());
            Element chart = charts.get(0);
            Object sweep = step.details().get("sweep"), stages = step.details().get("stages");
            // The fixture's sweep is in ascending sparsity already, as the chart draws it.
            assertEquals(column(sweep, "sparsity"), xs(chart, "pruned, no fine-tuning"));
            assertEquals(column(sweep, "accuracy"), Xml.dataValues(chart, ".//g[@data-series='pruned, no fine-tuning']/circle"));
            assertEquals(column(stages, "sparsity"), xs(chart, "after pruning"));
            assertEquals(column(stages, "accuracy_after_pruning"), Xml.dataValues(chart, ".//g[@data-series='after pruning']/circle"));
            assertEquals(column(stages, "accuracy_after_finetuning"), Xml.dataValues(chart, ".//g[@data-series='after fine-tuning']/circle"));
            assertEquals(Xml.list(((Number) step.metrics().get("accuracy_before")).doubleValue()), Xml.dataValues(chart, ".//path[@class='reference']"));
            assertTrue(Xml.select(section, ".//svg[contains(title, 'accuracy before and after pruning')]").isEmpty(), "the sparsity chart replaces the bars");
            checked++;
        }
        assertEquals(2, checked, "magnitude (gradual) and neuron pruning");
    }

    @Test
    void aPruneStepWithoutStagesIsDrawnFromItsMetrics(@TempDir Path dir) throws Exception {
        Map<String, Object> step = SyntheticRuns.map("id", "s3", "kind", "prune", "model", "net", "data", "train",
                "metrics", SyntheticRuns.map("accuracy_before", 0.99, "accuracy_after_pruning", 0.93, "accuracy_after_finetuning", 0.98, "sparsity", 0.79),
                "details", SyntheticRuns.map("method", "magnitude"));
        Element chart = Xml.select(report(SyntheticRuns.write(dir, "p", 0, List.of(), "", List.of(step)), dir), "//svg[@data-kind='line']").get(0);
        assertEquals(Xml.list(0.93), Xml.dataValues(chart, ".//g[@data-series='after pruning']/circle"));
        assertEquals(Xml.list(0.98), Xml.dataValues(chart, ".//g[@data-series='after fine-tuning']/circle"));
        assertEquals(Xml.list(0.79), xs(chart, "after fine-tuning"));
        assertEquals(Xml.list(0.99), Xml.dataValues(chart, ".//path[@class='reference']"));
        assertTrue(Xml.select(chart, ".//g[@data-series='pruned, no fine-tuning']").isEmpty(), "no sweep recorded, none drawn");
    }

    @Test
    void distilledStudentsAreComparedSeedBySeedWithTheMeanAndSd(@TempDir Path dir) throws Exception {
        Path run = ReportWriterTest.copyFixture("distillation-20261129-231845", dir);
        Document doc = report(run, dir);
        StepRecord evaluate = RunRecord.read(run).steps().stream().filter(s -> s.details().containsKey("seed_stats")).findFirst().orElseThrow();
        List<Double> distilled = new ArrayList<>(), alone = new ArrayList<>();
        for (Object o : (List<?>) evaluate.details().get("per_seed")) {
            distilled.add(StepRecord.number(StepRecord.map(StepRecord.map(o).get("metrics")).get("accuracy")));
            alone.add(StepRecord.number(StepRecord.map(StepRecord.map(o).get("baseline_metrics")).get("accuracy")));
        }
        assertEquals(5, distilled.size());
        Element chart = Xml.select(doc, "//section[@data-step='" + evaluate.id() + "']//svg[@data-kind='paired']").get(0);
        assertEquals(distilled, Xml.dataValues(chart, ".//g[@class='column']/circle[@data-series='distilled']"));
        assertEquals(alone, Xml.dataValues(chart, ".//g[@class='column']/circle[@data-series='alone']"));
        // The chart's own mean and sample sd agree with the run's seed_stats (computed by the distill package).
        Map<String, Object> stats = StepRecord.map(evaluate.details().get("seed_stats"));
        Map<String, Object> student = StepRecord.map(StepRecord.map(stats.get("metrics")).get("accuracy"));
        Map<String, Object> baseline = StepRecord.map(StepRecord.map(stats.get("baseline_metrics")).get("accuracy"));
        assertEquals(StepRecord.number(student.get("mean")), Xml.dataValues(chart, ".//rect[@class='mean'][@data-series='distilled']").get(0), 1e-15);
        assertEquals(StepRecord.number(baseline.get("mean")), Xml.dataValues(chart, ".//rect[@class='mean'][@data-series='alone']").get(0), 1e-15);
        assertEquals(StepRecord.number(student.get("std")), Xml.dataValues(chart, ".//line[@class='sd'][@data-series='distilled']").get(0), 1e-15);
        assertEquals(StepRecord.number(baseline.get("std")), Xml.dataValues(chart, ".//line[@class='sd'][@data-series='alone']").get(0), 1e-15);
        // Per-seed results and their statistics are tables in the details, each mean with its sd.
        Element details = Xml.select(doc, "//section[@data-step='" + evaluate.id() + "']//table[@class='details']").get(0);
        assertEquals(2, Xml.select(details, ".//table[@class='records']").size(), "per seed and seed stats");
        String statsText = Xml.select(details, "(.//table[@class='records'])[2]").get(0).getTextContent();
        assertTrue(statsText.contains("± " + Svg.human(StepRecord.number(student.get("std")), 2)), statsText);
        // The distill step's own per-seed training accuracies get the same chart.
        StepRecord distill = RunRecord.read(run).steps().stream().filter(s -> s.kind().equals("distill")).findFirst().orElseThrow();
        Element train = Xml.select(doc, "//section[@data-step='" + distill.id() + "']//svg[@data-kind='paired']").get(0);
        assertEquals(column(distill.details().get("per_seed"), "train_accuracy_student"),
                Xml.dataValues(train, ".//g[@class='column']/circle[@data-series='distilled']"));
    }

    @Test
    void meanAndSampleSdOfAHandCheckedSet() {
        // 0.96, 0.97, 0.98: mean 0.97, sample sd 0.01 (numpy: np.std([.96,.97,.98], ddof=1) = 0.01).
        DistillCharts.Summary s = DistillCharts.Summary.of(new double[] {0.96, 0.97, 0.98, Double.NaN});
        assertEquals(0.97, s.mean(), 1e-15);
        assertEquals(0.01, s.sd(), 1e-15);
        assertTrue(Double.isNaN(DistillCharts.Summary.of(new double[] {0.5}).sd()), "one seed has no spread");
    }

    @Test
    void aSingleSeedDistillationComparesEveryMetricWithTheStudentAlone(@TempDir Path dir) throws Exception {
        Map<String, Object> step = SyntheticRuns.map("id", "s10.student", "kind", "evaluate", "model", "student", "data", "test",
                "metrics", SyntheticRuns.map("accuracy", 0.9667, "f1", 0.9668),
                "details", SyntheticRuns.map("rows", 450, "baseline_metrics", SyntheticRuns.map("accuracy", 0.9644, "f1", 0.9647)));
        Document doc = report(SyntheticRuns.write(dir, "d", 0, List.of(), "", List.of(step)), dir);
        Element chart = Xml.select(doc, "//section[@data-step='s10.student']//svg[@data-kind='paired']").get(0);
        assertEquals(Xml.list(0.9667, 0.9668), Xml.dataValues(chart, ".//g[@class='column']/circle[@data-series='distilled']"));
        assertEquals(Xml.list(0.9644, 0.9647), Xml.dataValues(chart, ".//g[@class='column']/circle[@data-series='alone']"));
        assertTrue(Xml.select(chart, ".//rect[@class='mean']").isEmpty(), "one seed: no mean and sd");
        assertEquals(List.of("accuracy", "f1"), Xml.select(chart, ".//g[@class='column']").stream().map(e -> e.getAttribute("data-column")).toList());
    }
}
