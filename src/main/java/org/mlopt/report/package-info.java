/**
 * Run reports: a self-contained HTML page and standalone SVG plots drawn from a run folder
 * ({@code summary.json}, {@code script.mlopt}), terminal sparklines, and the comparison of two
 * run folders behind {@code mlopt compare}. Reads only what {@code mlopt run} wrote; plots are
 * drawn by the small SVG layer in this package ({@link org.mlopt.report.SvgPlot}).
 */
package org.mlopt.report;
