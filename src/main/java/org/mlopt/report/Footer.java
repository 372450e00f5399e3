package org.mlopt.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The record of how the run was made: script as run, seed, overrides, data digests, version and time. */
final class Footer {

    private Footer() {}

    static String render(RunRecord run, Path workingDir, String time) {
        StringBuilder sb = new StringBuilder("<footer>\n<section id=\"run-record\" class=\"record\">\n<h2>Script and data</h2>\n");
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("script", "<code>" + Html.esc(run.scriptPath().isEmpty() ? "unknown" : run.scriptPath()) + "</code>"));
        facts.add(List.of("seed", run.seed() == null ? "<span class=\"muted\">not recorded</span>" : "<span class=\"seed\">" + run.seed() + "</span>"));
        facts.add(List.of("overrides", run.header().overrides().isEmpty() ? "<span class=\"muted\">none</span>"
                : "<code>" + Html.esc(String.join(" ", run.header().overrides().stream().map(o -> "--set " + o).toList())) + "</code>"));
        facts.add(List.of("mlopt version", Html.esc(run.version().isEmpty() ? "unknown" : run.version())));
        facts.add(List.of("run folder", "<code>" + Html.esc(String.valueOf(run.folder().getFileName())) + "</code>"));
        facts.add(List.of("run started", Html.esc(time)));
        sb.append(Html.table("facts", List.of("", ""), facts));

        List<DataFiles.Entry> data = DataFiles.of(run, workingDir);
        sb.append("<h3>Data files</h3>\n");
        if (data.isEmpty()) sb.append("<p class=\"muted\">The script reads no csv(...) files.</p>\n");
        else {
            List<List<String>> rows = new ArrayList<>();
            for (DataFiles.Entry e : data)
                rows.add(List.of("<code>" + Html.esc(e.name()) + "</code>", e.sha256() == null
                        ? "<span class=\"warn-text\">not found at <code>" + Html.esc(e.path().toString()) + "</code>; cannot verify</span>"
                        : "<span class=\"hash\">" + e.sha256() + "</span>"));
            sb.append(Html.table("data", List.of("file", "SHA-256 now"), rows));
            sb.append("<p class=\"muted\">Digests of the files as they are when this report was written, looked up next to the script.</p>\n");
        }
        sb.append("<h3>The script as run</h3>\n<pre class=\"script\">").append(Html.esc(run.script())).append("</pre>\n");
        return sb.append("</section>\n</footer>\n").toString();
    }
}
