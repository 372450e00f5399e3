package org.mlopt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgPlotTest {

    private static List<String> labels(Scale s) {
        List<String> out = new ArrayList<>();
        for (Scale.Tick t : s.ticks()) out.add(t.label());
        return out;
    }

    @Test
    void linearTicksAreNiceAndCoverTheData() {
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), labels(LinearScale.covering(0.04, 0.97, 6)));
        assertEquals(List.of("0", "10", "20", "30", "40", "50"), labels(LinearScale.covering(1, 50, 8)));
        assertEquals(List.of("0.60", "0.62", "0.64", "0.66", "0.68", "0.70"), labels(LinearScale.covering(0.61, 0.69, 6)));
        assertEquals(List.of("0.000", "0.025", "0.050", "0.075", "0.100"), labels(LinearScale.covering(0, 0.1, 5)));
        LinearScale flat = LinearScale.covering(3, 3, 5);
        assertTrue(flat.min() < 3 && flat.max() > 3, "a flat series gets a window around it");
        assertEquals(0.5, LinearScale.covering(0, 10, 6).unit(5), 1e-12);
    }

    @Test
    void epochAxesTickAtWholeNumbers() {
        assertEquals(List.of("1", "2", "3", "4", "5"), labels(LinearScale.coveringIntegers(1, 5, 8)));
        assertEquals(List.of("0", "2", "4", "6", "8", "10", "12"), labels(LinearScale.coveringIntegers(0, 11, 6)));
        assertEquals(List.of("0", "10", "20", "30", "40", "50"), labels(LinearScale.coveringIntegers(1, 50, 8)));
    }

    @Test
    void barsCarryTheirValuesAndNegativeBarsExtendLeft() throws Exception {
        Document doc = Xml.parse(SvgPlot.barChart("coefficients", "value", List.of("a", "b"), new double[] {-2.5, 4}), false);
        List<Element> bars = Xml.select(doc, "//rect[@data-value]");
        assertEquals(Xml.list(-2.5, 4), Xml.dataValues(doc, "//rect[@data-value]"));
        double zeroA = Double.parseDouble(bars.get(0).getAttribute("x")) + Double.parseDouble(bars.get(0).getAttribute("width"));
        assertEquals(zeroA, Double.parseDouble(bars.get(1).getAttribute("x")), 0.02, "both bars meet at zero");
    }

    @Test
    void logTicksAreDecades() {
        assertEquals(List.of("0.001", "0.01", "0.1", "1", "10", "100"), labels(LogScale.covering(0.001, 100)));
        assertEquals(List.of("1e-6", "1e-5", "1e-4", "0.001", "0.01"), labels(LogScale.covering(1.1e-6, 0.0095)));
        assertTrue(LogScale.suits(0.001, 100));
        assertTrue(!LogScale.suits(16, 128) && !LogScale.suits(0, 100));
        assertEquals(0.5, LogScale.covering(0.01, 100).unit(1), 1e-12);
    }

    @Test
    void titlesAndLabelsAreEscaped() throws Exception {
        String svg = SvgPlot.lineChart("loss <&> \"quoted\"", "epoch", "a<b", List.of(new SvgPlot.Series("x&y", new double[] {1, 2}, new double[] {3, 4}, SvgPlot.Style.SOLID)),
                new SvgPlot.Marker(2, "best <2>"), false);
        Document doc = Xml.parse(svg, true);
        assertEquals(Svg.NAMESPACE, doc.getDocumentElement().getNamespaceURI());
        assertTrue(doc.getDocumentElement().getTextContent().contains("loss <&> \"quoted\""));
        assertEquals(Xml.list(3, 4), Xml.dataValues(doc, "//*[local-name()='g'][@data-series='x&y']/*[local-name()='circle']"));
    }

    @Test
    void lineChartLeavesGapsAndSkipsNonPositiveValuesOnALogAxis() throws Exception {
        String svg = SvgPlot.lineChart("t", "x", "y", List.of(new SvgPlot.Series("s", new double[] {1, 2, 3, 4}, new double[] {1, Double.NaN, 0, 0.01}, SvgPlot.Style.SOLID)),
                null, true);
        Document doc = Xml.parse(svg, false);
        assertEquals(Xml.list(1, 0.01), Xml.dataValues(doc, "//circle"));
        String d = Xml.select(doc, "//path").get(0).getAttribute("d");
        assertEquals(2, d.split("M").length - 1, "the gap starts a new segment: " + d);
    }

    @Test
    void pointSeriesHaveNoLine() throws Exception {
        Document doc = Xml.parse(SvgPlot.lineChart("t", "trial", "score", List.of(new SvgPlot.Series("trial", new double[] {0, 1}, new double[] {0.5, 0.7},
                SvgPlot.Style.POINTS)), null, false), false);
        assertTrue(Xml.select(doc, "//g[@data-series='trial']/path").isEmpty());
        assertEquals(Xml.list(0.5, 0.7), Xml.dataValues(doc, "//g[@data-series='trial']/circle"));
    }

    @Test
    void heatMapAndParallelCoordinatesCarryTheirValues() throws Exception {
        Document heat = Xml.parse(SvgPlot.heatMap("cm", "true", "predicted", List.of("a", "b"), new long[][] {{5, 1}, {0, 7}}), false);
        List<Double> cells = Xml.dataValues(heat, "//rect[@data-row]");
        assertEquals(Xml.list(5, 1, 0, 7), cells);
        List<SvgPlot.Axis> axes = List.of(new SvgPlot.Axis("C", LogScale.covering(0.01, 10)), new SvgPlot.Axis("kind", new CategoryScale(List.of("l1", "l2"))),
                new SvgPlot.Axis("score", LinearScale.covering(0.5, 0.9, 5)));
        Document par = Xml.parse(SvgPlot.parallelCoordinates("p", axes, List.of(new SvgPlot.Line(new double[] {0.01, 0, 0.5}, 0.5, "t0", false),
                new SvgPlot.Line(new double[] {10, 1, 0.9}, 0.9, "t1", true)), "score"), false);
        assertEquals(Xml.list(0.5, 0.9), Xml.dataValues(par, "//polyline"));
        Element best = Xml.select(par, "//polyline[@class='best']").get(0);
        assertEquals(3, best.getAttribute("points").split(" ").length);
    }

    @Test
    void longYTickLabelsWidenTheLeftMarginSoTheAxisTitleStaysClear() throws Exception {
        // A constant learning rate of 0.001: ticks 0.00090 ... 0.00110, seven characters each.
        double[] lr = {0.001, 0.001, 0.001};
        Document doc = Xml.parse(SvgPlot.lineChart("lr", "epoch", "learning rate", List.of(new SvgPlot.Series("lr", new double[] {1, 2, 3}, lr, SvgPlot.Style.SOLID)),
                null, false), false);
        double titleRight = 16 + 12 / 2.0 + 1; // the rotated title is centred at x = 16, about one line (12 px) wide
        for (Element t : Xml.select(doc, "//text[@text-anchor='end']")) {
            double right = Double.parseDouble(t.getAttribute("x"));
            double left = right - t.getTextContent().length() * 6.2; // 11 px digits are at most 6.2 px wide
            assertTrue(left > titleRight, "tick label '" + t.getTextContent() + "' starts at " + left);
        }
    }
}
