package org.mlopt.report;

import org.mlopt.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a run folder's {@code report.html}: one self-contained page (inline CSS and SVG, no
 * scripts, fonts or links outside the file) with a section per step and a footer recording the
 * script, seed, data file digests, version and time. The same plots are written as
 * {@code plots/*.svg}.
 */
public final class ReportWriter {

    private static final Pattern FOLDER_TIME = Pattern.compile("(\\d{8}-\\d{6})(-\\d+)?$");

    private ReportWriter() {}

    /** The page and its figures. */
    public record Report(String html, List<Figure> figures) {}

    /** Writes the report of {@code runFolder}, resolving data files against the current folder; returns the page's path. */
    public static Path write(Path runFolder) throws IOException {
        return write(runFolder, Path.of(""));
    }

    /** Writes the report, resolving the script's data files against {@code workingDir}. */
    public static Path write(Path runFolder, Path workingDir) throws IOException {
        Report report = render(RunRecord.read(runFolder), workingDir);
        for (Figure f : report.figures()) AtomicFiles.write(runFolder.resolve("plots").resolve(f.file()), f.svg());
        Path page = runFolder.resolve("report.html");
        AtomicFiles.write(page, report.html());
        return page;
    }

    /** Builds the page without writing anything. */
    public static Report render(RunRecord run, Path workingDir) throws IOException {
        List<Figure> figures = new ArrayList<>();
        StringBuilder steps = new StringBuilder();
        for (StepRecord s : run.steps()) steps.append(StepSection.render(s, figures));
        String name = run.scriptPath().isEmpty() ? run.folder().getFileName().toString()
                : run.scriptPath().replaceAll(".*[/\\\\]", "").replaceAll("\\.mlopt$", "");
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"mlopt ").append(Html.esc(run.version())).append("\"/>\n")
                .append("<title>").append(Html.esc(name)).append(" · mlopt run report</title>\n<style>\n").append(Html.CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<header class=\"top\"><div>\n<h1>").append(Html.esc(name)).append("</h1>\n<p class=\"sub\">").append(Html.esc(subtitle(run))).append("</p>\n");
        if (!run.steps().isEmpty()) {
            sb.append("<nav>");
            for (StepRecord s : run.steps())
                sb.append("<a href=\"#").append(StepSection.anchor(s)).append("\">").append(Html.esc(s.title())).append("</a>");
            sb.append("<a href=\"#run-record\">script and data</a></nav>\n");
        }
        sb.append("</div></header>\n<main>\n");
        sb.append(overview(run, figures));
        sb.append(steps);
        sb.append(Footer.render(run, workingDir, runTime(run)));
        sb.append("</main>\n</body>\n</html>\n");
        return new Report(sb.toString(), figures);
    }

    private static String subtitle(RunRecord run) {
        StringBuilder s = new StringBuilder("mlopt run report · ").append(run.folder().getFileName()).append(" · ").append(runTime(run));
        if (run.seed() != null) s.append(" · seed ").append(run.seed());
        for (String o : run.header().overrides()) s.append(" · --set ").append(o);
        return s.toString();
    }

    private static String overview(RunRecord run, List<Figure> figures) {
        StringBuilder sb = new StringBuilder("<section id=\"overview\" class=\"overview\">\n<h2>Overview</h2>\n");
        if (run.cancelled()) sb.append("<p class=\"warn\">The run was interrupted; the report shows the steps it finished.</p>\n");
        if (run.steps().isEmpty()) sb.append("<p class=\"muted\">The run recorded no steps.</p>\n");
        else {
            List<List<String>> rows = new ArrayList<>();
            for (StepRecord s : run.steps()) {
                StringBuilder results = new StringBuilder();
                for (Map.Entry<String, Double> m : s.scalarMetrics().entrySet()) {
                    if (results.length() > 0) results.append(" · ");
                    results.append(Html.esc(m.getKey())).append(' ').append(Html.number(m.getValue()));
                }
                rows.add(List.of("<a href=\"#" + StepSection.anchor(s) + "\">" + Html.esc(s.id()) + "</a>", Html.esc(s.title()), results.toString()));
            }
            sb.append(Html.table("overview", List.of("step", "what", "results"), rows));
        }
        String compared = ModelComparison.figures(run.steps(), figures);
        if (!compared.isEmpty()) sb.append("<h3>Evaluations side by side</h3>\n").append(compared);
        List<String> skipped = run.notExecuted();
        if (!skipped.isEmpty()) {
            sb.append("<div class=\"warn\"><strong>Not executed by this version:</strong><ul>\n");
            for (String n : skipped) sb.append("<li>").append(Html.esc(n)).append("</li>\n");
            sb.append("</ul></div>\n");
        }
        return sb.append("</section>\n").toString();
    }

    /** When the run started, from the folder name ({@code name-yyyyMMdd-HHmmss}), else when its summary was written. */
    static String runTime(RunRecord run) {
        Matcher m = FOLDER_TIME.matcher(run.folder().getFileName().toString());
        if (m.find()) {
            LocalDateTime t = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        try {
            FileTime ft = Files.getLastModifiedTime(run.folder().resolve("summary.json"));
            return LocalDateTime.ofInstant(ft.toInstant(), ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        } catch (IOException e) {
            return "unknown time";
        }
    }
}
