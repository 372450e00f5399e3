package org.mlopt.report;

import java.util.List;

/**
 * A small SVG plotting layer: line charts, scatter plots, bar charts, heat maps and parallel coordinates,
 * each returned as one standalone {@code <svg>} element with axes, nice ticks, labels and a
 * legend. Every data mark carries a {@code data-value} attribute with the exact number it
 * shows, so a page can be checked (and read by tools) without rendering it.
 */
public final class SvgPlot {

    private SvgPlot() {}

    /** How a series is drawn; a REFERENCE is a dashed grey line without dots (a level to compare with, not data). */
    public enum Style { SOLID, DASHED, POINTS, REFERENCE }

    /** A line of (x, y) points; NaN y values leave a gap. */
    public record Series(String name, double[] x, double[] y, Style style) {}

    /** A vertical marker line at {@code x}, labelled. */
    public record Marker(double x, String label) {}

    /**
     * A scatter point; {@code x} is a category index on a {@link CategoryScale}. Points of one
     * {@code group} (0, 1, ...) share a colour and a legend entry; -1 for none.
     */
    public record Point(double x, double y, String label, boolean highlight, int group) {

        public Point(double x, double y, String label, boolean highlight) {
            this(x, y, label, highlight, -1);
        }
    }

    /** An axis of a parallel-coordinates plot. */
    public record Axis(String name, Scale scale) {}

    /** A line through every axis of a parallel-coordinates plot, coloured by {@code score}. */
    public record Line(double[] values, double score, String label, boolean highlight) {}

    /** Lines over a shared x axis; {@code logY} draws y on decades (positive values only). */
    public static String lineChart(String title, String xLabel, String yLabel, List<Series> series, Marker marker, boolean logY) {
        return LineChart.render(title, xLabel, yLabel, series, marker, logY);
    }

    /** Points against an x scale the caller chooses (linear, log or categories); y is linear. */
    public static String scatter(String title, String xLabel, String yLabel, Scale x, List<Point> points) {
        return ScatterChart.render(title, xLabel, yLabel, x, points, List.of());
    }

    /** A scatter whose points are coloured by group, {@code groups} naming each group for the legend. */
    public static String scatter(String title, String xLabel, String yLabel, Scale x, List<Point> points, List<String> groups) {
        return ScatterChart.render(title, xLabel, yLabel, x, points, groups);
    }

    /** A matrix of counts with row and column labels; colour by share of the row, count written in each cell. */
    public static String heatMap(String title, String rowTitle, String columnTitle, List<String> labels, long[][] counts) {
        return HeatMap.render(title, rowTitle, columnTitle, labels, counts);
    }

    /** Horizontal bars from zero, one per name; negative values extend left. */
    public static String barChart(String title, String valueLabel, List<String> names, double[] values) {
        return BarChart.render(title, valueLabel, names, values);
    }

    /** The rungs of a halving or Hyperband search, one panel per bracket. */
    static String rungs(String title, String scoreName, SearchRungs rungs) {
        return RungChart.render(title, scoreName, rungs);
    }

    /** One column per seed (or metric) with the distilled and the alone-trained student's value side by side, then, if asked, their mean ± sd. */
    static String paired(String title, String xLabel, String yLabel, List<DistillCharts.Pair> pairs, boolean withMean) {
        return PairedChart.render(title, xLabel, yLabel, pairs, withMean);
    }

    /** One vertical axis per dimension and one polyline per item, coloured by its score. */
    public static String parallelCoordinates(String title, List<Axis> axes, List<Line> lines, String scoreName) {
        return ParallelCoordinates.render(title, axes, lines, scoreName);
    }
}
