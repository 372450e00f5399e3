package org.mlopt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportWriterTest {

    private static Document writeAndParse(Path run, Path workingDir) throws Exception {
        Path page = ReportWriter.write(run, workingDir);
        assertEquals(run.resolve("report.html"), page);
        return Xml.parse(Files.readString(page), false);
    }

    @Test
    void pageIsWellFormedAndSelfContained(@TempDir Path dir) throws Exception {
        Path run = SyntheticRuns.writeFullRun(dir, "tiny-20261129-101500", 7, List.of("clf.C=2"), SyntheticRuns.SCRIPT);
        ReportWriter.write(run, dir);
        String html = Files.readString(run.resolve("report.html"));
        Xml.parse(html, true); // the whole page, not only its SVG parts, is well-formed XML
        String withoutNamespace = html.replace(Svg.NAMESPACE, "");
        assertFalse(withoutNamespace.contains("http://"), "no links outside the file");
        assertFalse(withoutNamespace.contains("https://"), "no links outside the file");
        for (String fetch : List.of("<script", "<link", "@import", "url(", "src=", "@font-face"))
            assertFalse(html.contains(fetch), "nothing fetched: " + fetch);
        try (Stream<Path> left = Files.list(run)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "atomic writes leave no temporary files");
        }
    }

    @Test
    void oneSectionPerStepWhateverItsKind(@TempDir Path dir) throws Exception {
        Document doc = writeAndParse(SyntheticRuns.writeFullRun(dir, "tiny-20261129-101500", 7, List.of(), SyntheticRuns.SCRIPT), dir);
        List<String> kinds = new ArrayList<>();
        for (Element s : Xml.select(doc, "//section[@data-kind]")) kinds.add(s.getAttribute("data-kind"));
        assertEquals(List.of("train", "search", "evaluate", "prune"), kinds);
        // The prune kind is unknown to the report: it still gets its metrics and its history.
        Element prune = Xml.select(doc, "//section[@data-kind='prune']").get(0);
        assertEquals(Xml.list(0.5, 0.81), Xml.dataValues(prune, ".//div[@class='cards metrics']//span[@data-value]"));
        assertEquals(Xml.list(SyntheticRuns.LOSS), Xml.dataValues(prune, "(.//svg[@data-kind='line'])[1]//g[@data-series='train']/circle"));
        assertEquals(1, Xml.select(doc, "//footer//section[@id='run-record']").size());
    }

    @Test
    void prunedModelsGetAccuracyAgainstSparsityAndSparsityByLayer(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("prune-20261129-101500");
        java.nio.file.Files.createDirectories(run);
        java.nio.file.Files.writeString(run.resolve("script.mlopt"), "# run with --seed 0\nprune net on train { method: magnitude(sparsity: 0.8) }\n");
        java.nio.file.Files.writeString(run.resolve("summary.json"), "{\"schema\": 1, \"mlopt\": \"0.1.0\", \"script\": \"x.mlopt\", \"seed\": 0,"
                + " \"steps\": [{\"id\": \"s1\", \"kind\": \"prune\", \"model\": \"net\", \"data\": \"train\","
                + " \"metrics\": {\"accuracy_before\": 0.99, \"accuracy_after_pruning\": 0.93, \"accuracy_after_finetuning\": 0.98, \"sparsity\": 0.79},"
                + " \"details\": {\"layers\": [{\"parameters\": 10, \"nonzeros\": 2, \"sparsity\": 0.8}, {\"parameters\": 4, \"nonzeros\": 3, \"sparsity\": 0.25}]}}],"
                + " \"not_executed\": [], \"cancelled\": false}");
        Document doc = writeAndParse(run, dir);
        Element prune = Xml.select(doc, "//section[@data-kind='prune']").get(0);
        String html = java.nio.file.Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("accuracy against sparsity") && html.contains("sparsity by layer"), "both pruning charts");
        List<Double> values = Xml.dataValues(prune, ".//svg//*[@data-value]");
        assertTrue(values.containsAll(List.of(0.99, 0.93, 0.98, 0.8, 0.25)), values.toString());
    }

    @Test
    void sizeAndSpeedAfterPruningAreSharesOfTheModelBefore(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("prune-20261129-101500");
        java.nio.file.Files.createDirectories(run);
        java.nio.file.Files.writeString(run.resolve("script.mlopt"), "# run with --seed 0\nprune net on train { method: magnitude(sparsity: 0.8) }\n");
        java.nio.file.Files.writeString(run.resolve("summary.json"), "{\"schema\": 1, \"mlopt\": \"0.1.0\", \"script\": \"x.mlopt\", \"seed\": 0,"
                + " \"steps\": [{\"id\": \"s1\", \"kind\": \"prune\", \"model\": \"net\", \"data\": \"train\","
                + " \"metrics\": {\"sparsity\": 0.79},"
                + " \"details\": {\"parameters_before\": 4000, \"nonzeros_after\": 1000, \"file_bytes_before\": 16000,"
                + " \"file_bytes_after\": 4000, \"inference_ms_before\": 0.5, \"inference_ms_after\": 0.5, \"sparse_inference_ms_after\": 0.2}}],"
                + " \"not_executed\": [], \"cancelled\": false}");
        Document doc = writeAndParse(run, dir);
        Element prune = Xml.select(doc, "//section[@data-kind='prune']").get(0);
        List<Element> charts = Xml.select(prune, ".//svg[.//*[contains(text(), 'size and speed after pruning')]]");
        assertEquals(1, charts.size());
        // 1000 of 4000 parameters, 4000 of 16000 bytes, 0.5 of 0.5 ms, 0.2 of 0.5 ms.
        assertEquals(Xml.list(0.25, 0.25, 1.0, 0.4), Xml.dataValues(charts.get(0), ".//*[@data-value]"));
        String html = java.nio.file.Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("file size 16000 → 4000 bytes"), "the caption gives the measured values as text");
        assertFalse(html.contains("&lt;span"), "no escaped markup on the page");
    }

    @Test
    void trainingChartsCarryTheHistoryAndMarkTheBestEpoch(@TempDir Path dir) throws Exception {
        Document doc = writeAndParse(SyntheticRuns.writeFullRun(dir, "tiny-20261129-101500", 7, List.of(), SyntheticRuns.SCRIPT), dir);
        Element train = Xml.select(doc, "//section[@data-kind='train']").get(0);
        List<Element> charts = Xml.select(train, ".//svg[@data-kind='line']");
        assertEquals(3, charts.size(), "loss, accuracy, learning rate");
        assertEquals(Xml.list(SyntheticRuns.LOSS), Xml.dataValues(charts.get(0), ".//g[@data-series='train']/circle"));
        assertEquals(Xml.list(SyntheticRuns.VAL_LOSS), Xml.dataValues(charts.get(0), ".//g[@data-series='validation']/circle"));
        assertEquals(Xml.list(SyntheticRuns.ACC), Xml.dataValues(charts.get(1), ".//g[@data-series='train']/circle"));
        assertEquals(Xml.list(SyntheticRuns.VAL_ACC), Xml.dataValues(charts.get(1), ".//g[@data-series='validation']/circle"));
        assertEquals(Xml.list(SyntheticRuns.LR), Xml.dataValues(charts.get(2), ".//g[@data-series='lr']/circle"));
        // details.best_epoch = 3 is marked on every chart of the step
        for (Element c : charts) assertEquals(Xml.list(3), Xml.dataValues(c, ".//line[@class='marker']"));
        assertTrue(charts.get(0).getTextContent().contains("early stop, best epoch 3"));
    }

    @Test
    void confusionMatrixCellsHoldTheCountsAndLabelsAreEscaped(@TempDir Path dir) throws Exception {
        Document doc = writeAndParse(SyntheticRuns.writeFullRun(dir, "tiny-20261129-101500", 7, List.of(), SyntheticRuns.SCRIPT), dir);
        Element heat = Xml.select(doc, "//section[@data-kind='evaluate']//svg[@data-kind='heatmap']").get(0);
        List<Element> cells = Xml.select(heat, ".//rect[@data-row]");
        assertEquals(9, cells.size());
        for (Element c : cells) {
            int i = Integer.parseInt(c.getAttribute("data-row")), j = Integer.parseInt(c.getAttribute("data-col"));
            assertEquals(SyntheticRuns.COUNTS[i][j], Long.parseLong(c.getAttribute("data-value")));
        }
        assertTrue(heat.getTextContent().contains("versi<color>"));
        assertTrue(heat.getTextContent().contains("virginica & co"));
        assertEquals(Xml.list(32.0 / 38), Xml.dataValues(doc, "//section[@data-kind='evaluate']//div[@class='cards metrics']//span[@data-value]"));
    }

    @Test
    void searchPlotsEveryTrialAgainstEveryParameter(@TempDir Path dir) throws Exception {
        Document doc = writeAndParse(SyntheticRuns.writeFullRun(dir, "tiny-20261129-101500", 7, List.of(), SyntheticRuns.SCRIPT), dir);
        Element search = Xml.select(doc, "//section[@data-kind='search']").get(0);
        List<Element> scatters = Xml.select(search, ".//svg[@data-kind='scatter']");
        assertEquals(2, scatters.size(), "one per parameter");
        for (Element s : scatters) assertEquals(Xml.list(SyntheticRuns.SCORES), Xml.dataValues(s, ".//circle"));
        // C spans four decades: a log axis ticked at powers of ten
        assertTrue(scatters.get(0).getTextContent().contains("log axis"));
        assertEquals(Xml.list(SyntheticRuns.C_VALUES[0], SyntheticRuns.C_VALUES[0], SyntheticRuns.C_VALUES[1], SyntheticRuns.C_VALUES[1],
                SyntheticRuns.C_VALUES[2], SyntheticRuns.C_VALUES[2]), xs(scatters.get(0)));
        // the best trial (C=0.1, l2: trial 3) is highlighted everywhere
        assertEquals(Xml.list(0.93), Xml.dataValues(search, "(.//svg[@data-kind='scatter'])[1]//circle[@class='best']"));
        Element parallel = Xml.select(search, ".//svg[@data-kind='parallel']").get(0);
        List<Double> lines = Xml.dataValues(parallel, ".//polyline");
        assertEquals(6, lines.size());
        assertEquals(Xml.list(0.93), Xml.dataValues(parallel, ".//polyline[@class='best']"));
        Element bestSoFar = Xml.select(search, ".//svg[@data-kind='line']").get(0);
        assertEquals(Xml.list(0.61, 0.62, 0.9, 0.93, 0.93, 0.93), Xml.dataValues(bestSoFar, ".//g[@data-series='best so far']/circle"));
        assertTrue(Xml.select(search, ".//table[@class='best']").get(0).getTextContent().contains("penalty"));
    }

    private static List<Double> xs(Element svg) throws Exception {
        List<Double> out = new ArrayList<>();
        for (Element e : Xml.select(svg, ".//circle")) out.add(Double.parseDouble(e.getAttribute("data-x")));
        return out;
    }

    @Test
    void standalonePlotsMatchTheFiguresOfThePage(@TempDir Path dir) throws Exception {
        Path run = SyntheticRuns.writeFullRun(dir, "tiny-20261129-101500", 7, List.of(), SyntheticRuns.SCRIPT);
        Document doc = writeAndParse(run, dir);
        List<Element> figures = Xml.select(doc, "//figure");
        List<Path> files;
        try (Stream<Path> s = Files.list(run.resolve("plots"))) {
            files = s.sorted().toList();
        }
        assertEquals(figures.size(), files.size());
        for (Path f : files) {
            Document svg = Xml.parse(Files.readString(f), true);
            assertEquals("svg", svg.getDocumentElement().getLocalName());
            assertEquals(Svg.NAMESPACE, svg.getDocumentElement().getNamespaceURI());
            assertFalse(Xml.select(svg, "//*[@data-value]").isEmpty(), f + " has data marks");
        }
    }

    @Test
    void footerRecordsScriptSeedDataDigestsVersionAndTime(@TempDir Path dir) throws Exception {
        Path run = SyntheticRuns.writeFullRun(dir.resolve("runs"), "tiny-20261129-101500", 7, List.of("clf.C=2"), SyntheticRuns.SCRIPT);
        // summary.json names examples/tiny.mlopt; its csv("data/tiny.csv") is looked up next to it
        Files.createDirectories(dir.resolve("examples/data"));
        Files.writeString(dir.resolve("examples/data/tiny.csv"), "a,b\n1,2\n");
        Document doc = writeAndParse(run, dir);
        String footer = Xml.select(doc, "//footer").get(0).getTextContent();
        // sha256sum of the 8 bytes "a,b\n1,2\n" (GNU coreutils)
        assertTrue(footer.contains("492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470"), footer);
        assertEquals("7", Xml.select(doc, "//footer//span[@class='seed']").get(0).getTextContent());
        assertTrue(footer.contains("--set clf.C=2"));
        assertTrue(footer.contains("0.1.0"));
        assertTrue(footer.contains("2026-11-29 10:15:00"));
        assertTrue(footer.contains("model clf = logistic_regression(C: 1.0, solver: lbfgs)"), "the script as run");

        Files.delete(dir.resolve("examples/data/tiny.csv"));
        String missing = Xml.select(writeAndParse(run, dir), "//footer").get(0).getTextContent();
        assertTrue(missing.contains("not found at"), missing);
    }

    @Test
    void realRunFoldersRenderWithTheirNumbers(@TempDir Path dir) throws Exception {
        for (String name : List.of("iris_logistic-20261129-220039", "digits_network-20261129-220041", "grid_search-20261129-220045")) {
            Path run = copyFixture(name, dir);
            Document doc = writeAndParse(run, dir);
            RunRecord rec = RunRecord.read(run);
            for (StepRecord step : rec.steps()) {
                Element section = Xml.select(doc, "//section[@data-step='" + step.id() + "']").get(0);
                List<Double> expected = new ArrayList<>(step.scalarMetrics().values());
                if (!expected.isEmpty()) assertEquals(expected, Xml.dataValues(section, ".//div[@class='cards metrics']//span[@data-value]"));
                if (!step.history().isEmpty())
                    assertEquals(Xml.list(HistoryCharts.column(step.history(), "loss")),
                            Xml.dataValues(section, "(.//svg[@data-kind='line'])[1]//g[@data-series='train']/circle"));
            }
        }
    }

    @Test
    void reportOfAFreshRunOfTheIrisExample(@TempDir Path dir) throws Exception {
        // Runs the interpreter as a user would, so the report keeps up with what run folders hold.
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        java.io.PrintStream quiet = new java.io.PrintStream(sink, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = org.mlopt.cli.Main.run(new String[] {"run", "examples/iris_logistic.mlopt", "--runs", dir.toString()}, quiet, quiet);
        assertEquals(0, code, sink.toString());
        Path run;
        try (Stream<Path> s = Files.list(dir)) {
            run = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Document doc = writeAndParse(run, Path.of(""));
        RunRecord rec = RunRecord.read(run);
        StepRecord evaluate = rec.steps().stream().filter(s -> s.kind().equals("evaluate")).findFirst().orElseThrow();
        List<?> counts = (List<?>) StepRecord.map(evaluate.metrics().get("confusion_matrix")).get("counts");
        List<Double> expected = new ArrayList<>();
        for (Object row : counts) for (Object v : (List<?>) row) expected.add(((Number) v).doubleValue());
        assertEquals(expected, Xml.dataValues(doc, "//svg[@data-kind='heatmap']//rect[@data-row]"));
        String footer = Xml.select(doc, "//footer").get(0).getTextContent();
        assertTrue(footer.contains("data/iris.csv") && !footer.contains("not found"), "the example's data is found and hashed: " + footer);
    }

    static Path copyFixture(String name, Path dir) throws Exception {
        Path src;
        try {
            src = Path.of(ReportWriterTest.class.getResource("/report/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path run = dir.resolve(name);
        Files.createDirectories(run);
        for (String f : List.of("summary.json", "script.mlopt")) Files.copy(src.resolve(f), run.resolve(f));
        return run;
    }

    @Test
    void evaluationsOfSeveralModelsAreChartedSideBySide(@TempDir Path dir) throws Exception {
        List<Object> steps = List.of(
                SyntheticRuns.map("id", "s8.a", "kind", "evaluate", "model", "ridge", "data", "test", "metrics", SyntheticRuns.map("r2", 0.36, "mse", 3184.25),
                        "details", SyntheticRuns.map("rows", 111)),
                SyntheticRuns.map("id", "s8.b", "kind", "evaluate", "model", "lasso", "data", "test", "metrics", SyntheticRuns.map("r2", 0.35, "mse", 3196.5),
                        "details", SyntheticRuns.map("rows", 111)));
        Path run = SyntheticRuns.write(dir, "two", 0, List.of(), "", steps);
        Document doc = writeAndParse(run, dir);
        List<Element> bars = Xml.select(doc, "//section[@id='overview']//svg[@data-kind='bar']");
        assertEquals(2, bars.size(), "one chart per shared metric");
        assertEquals(Xml.list(0.36, 0.35), Xml.dataValues(bars.get(0), ".//rect[@data-value]"));
        assertEquals(Xml.list(3184.25, 3196.5), Xml.dataValues(bars.get(1), ".//rect[@data-value]"));
        assertTrue(Files.exists(run.resolve("plots/evaluations-mse.svg")));
    }

    @Test
    void anInterruptedRunSaysSoAndListsWhatDidNotRun(@TempDir Path dir) throws Exception {
        Path run = SyntheticRuns.writeFullRun(dir, "tiny-20261129-101500", 7, List.of(), SyntheticRuns.SCRIPT);
        String summary = Files.readString(run.resolve("summary.json"));
        Files.writeString(run.resolve("summary.json"), summary.replace("\"cancelled\": false", "\"cancelled\": true")
                .replace("\"not_executed\": []", "\"not_executed\": [\"line 12: distill s -- not executed by this version\"]"));
        String overview = Xml.select(writeAndParse(run, dir), "//section[@id='overview']").get(0).getTextContent();
        assertTrue(overview.contains("interrupted"), overview);
        assertTrue(overview.contains("line 12: distill s"), overview);
    }

    @Test
    void aRunWithoutStepsStillGetsAPage(@TempDir Path dir) throws Exception {
        Path run = SyntheticRuns.write(dir, "empty", 0, List.of(), "", List.of());
        Document doc = writeAndParse(run, dir);
        assertTrue(Xml.select(doc, "//section[@data-kind]").isEmpty());
        assertTrue(doc.getDocumentElement().getTextContent().contains("no steps"));
    }
}
