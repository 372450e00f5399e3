package org.mlopt.check;

import org.junit.jupiter.api.Test;
import org.mlopt.schema.Task;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the checker learns about accepted scripts: datasets from CSV headers and target scans,
 * network widths and parameter counts, search sizes. Expected figures come from the shipped
 * data (examples/data/README.md: rows, features, classes) and hand-counted layer arithmetic.
 */
class CheckedProgramTest {

    private static CheckedProgram good(String script) {
        CheckResult r = Scripts.check(Scripts.ROOT.resolve("good").resolve(script));
        assertTrue(r.ok(), () -> r.diagnostics().all().toString());
        return r.program();
    }

    @Test
    void irisHeaderAndTargetScan() {
        CheckedProgram p = good("iris_logistic.mlopt");
        DatasetInfo iris = p.datasets().get("iris");
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), iris.featureNames());
        assertEquals("species", iris.target());
        assertEquals(Task.MULTICLASS, iris.task());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classes());
        assertEquals(150, iris.rows());
        DatasetInfo train = p.datasets().get("train");
        assertEquals("iris", train.parent());
        assertEquals(0.8, train.fraction(), 1e-12);
        assertEquals(120, train.estimatedRows());
        assertFalse(train.isTest());
        assertTrue(p.datasets().get("test").isTest());
        assertEquals("split", p.symbols().get("test").kind());
    }

    @Test
    void gridSearchCountsConditionalKeysOnlyWhereActive() {
        CheckedProgram p = good("iris_logistic.mlopt");
        SearchInfo s = p.searches().get(0);
        // C: 4 values x (penalty l2: 1 + penalty elastic_net: 2 l1_ratio values) x solver 1 = 12 points.
        assertEquals(12, s.candidates());
        assertEquals(5, s.folds());
        assertEquals(12 * 5 + 1, s.fits());
        ModelInfo clf = p.models().get("clf");
        assertEquals(4, clf.inputs());
        assertEquals(3, clf.outputs());
        assertEquals(4 * 3 + 3, clf.parameters());
    }

    @Test
    void networkWidthsAndParameterCounts() {
        CheckedProgram p = good("digits_network.mlopt");
        DatasetInfo digits = p.datasets().get("digits");
        assertEquals(64, digits.features());
        assertEquals(10, digits.classes().size());
        assertEquals("0", digits.classes().get(0));
        assertEquals("9", digits.classes().get(9));
        ModelInfo teacher = p.models().get("teacher");
        assertEquals(List.of(128, 64, 10), teacher.layers());
        assertEquals(64, teacher.inputs());
        assertEquals(10, teacher.outputs());
        // (64*128 + 128) + (128*64 + 64) + (64*10 + 10)
        assertEquals(8320 + 8256 + 650, teacher.parameters());
        ModelInfo student = p.models().get("student");
        assertEquals((64 * 32 + 32) + (32 * 10 + 10), student.parameters());
        ModelInfo loaded = p.models().get("again");
        assertEquals(64, loaded.inputs());
        assertEquals(10, loaded.outputs());
        assertEquals("valid", p.datasets().get("valid").role());
    }

    @Test
    void componentUsesAreResolvedByNode() {
        CheckedProgram p = good("digits_network.mlopt");
        org.mlopt.ast.Statement.Train train = (org.mlopt.ast.Statement.Train) p.ast().statements().stream()
                .filter(s -> s instanceof org.mlopt.ast.Statement.Train).findFirst().orElseThrow();
        org.mlopt.ast.Expr loss = train.options().orElseThrow().get("loss").orElseThrow().value();
        Resolved r = p.resolution(loss).orElseThrow();
        assertEquals("cross_entropy", r.name(), "loss: ce resolves to the declared loss");
        assertEquals(0.1, r.number("label_smoothing", -1), 0);
        org.mlopt.ast.Expr schedule = train.options().orElseThrow().get("schedule").orElseThrow().value();
        assertEquals(20, p.resolution(schedule).orElseThrow().number("epochs", -1), 0);
        assertEquals(0, p.resolution(schedule).orElseThrow().number("min_lr", -1), 0, "defaults come from the schema");
    }

    @Test
    void regressionTargetAndLinearModels() {
        CheckedProgram p = good("diabetes_regression.mlopt");
        DatasetInfo d = p.datasets().get("diabetes");
        assertEquals(Task.REGRESSION, d.task());
        assertEquals(10, d.features());
        assertEquals(442, d.rows());
        assertTrue(d.classes().isEmpty());
        assertEquals(11, p.models().get("ols").parameters());
        assertEquals(1, p.models().get("reg").outputs());
        assertEquals(-1, p.searches().get(0).candidates(), "a random search has no grid size");
    }

    @Test
    void syntheticShapes() {
        CheckedProgram p = good("synthetic.mlopt");
        DatasetInfo blobs = p.datasets().get("blobs3");
        assertEquals(4, blobs.features());
        assertEquals(Task.MULTICLASS, blobs.task());
        assertEquals(List.of("0", "1", "2"), blobs.classes());
        assertEquals(Task.REGRESSION, p.datasets().get("rtrain").task());
        assertEquals((4 * 16 + 16) + (16 * 3 + 3), p.models().get("net").parameters());
    }

    @Test
    void aNetworkNeverUsedTakesItsDeclaredInputWidth() {
        CheckResult r = Scripts.checkGood("network net {\n  dense(4, relu)\n  dense(2)\n  input: 3\n}\n");
        assertTrue(r.ok(), r.diagnostics().all().toString());
        ModelInfo net = r.program().models().get("net");
        assertEquals(3, net.inputs());
        assertEquals((3 * 4 + 4) + (4 * 2 + 2), net.parameters());
        CheckResult unknown = Scripts.checkGood("network net {\n  dense(2, bias: false)\n}\n");
        assertEquals(-1, unknown.program().models().get("net").parameters());
    }

    @Test
    void wholeNumberTargetWithFewValuesIsClassesSortedNumerically() {
        CheckResult r = Scripts.checkGood("data wine = csv(\"../data/wine.csv\")\n");
        assertTrue(r.ok());
        DatasetInfo wine = r.program().datasets().get("wine");
        assertEquals("class", wine.target());
        assertEquals(List.of("0", "1", "2"), wine.classes());
        assertEquals(13, wine.features());
        CheckResult forced = Scripts.checkGood("data wine = csv(\"../data/wine.csv\", target: \"magnesium\", task: regression)\n");
        assertEquals(Task.REGRESSION, forced.program().datasets().get("wine").task());
        CheckResult binary = Scripts.checkGood("data bc = csv(\"../data/breast_cancer.csv\")\n");
        assertEquals(Task.BINARY, binary.program().datasets().get("bc").task());
        assertEquals(List.of("benign", "malignant"), binary.program().datasets().get("bc").classes());
    }
}
