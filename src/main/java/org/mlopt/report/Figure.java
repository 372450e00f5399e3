package org.mlopt.report;

/**
 * A plot of the report: shown inline in the page and written as {@code plots/<file>}.
 *
 * @param file    the standalone file name, ending in {@code .svg}
 * @param svg     the {@code <svg>} element
 * @param caption one sentence saying how to read it
 */
public record Figure(String file, String svg, String caption) {

    /** A file name from parts: letters, digits, dots, dashes and underscores only. */
    static String fileName(String stepId, String what) {
        return (stepId + "-" + what).replaceAll("[^A-Za-z0-9._-]+", "_") + ".svg";
    }
}
