package org.mlopt.report;

import java.util.List;
import java.util.Map;

/** Small HTML fragments of the report: tables, facts, figures. Output is well-formed XML as well as HTML. */
final class Html {

    private Html() {}

    static String esc(String s) {
        return Svg.escape(s);
    }

    /** A table with a header row; cells are already HTML. {@code numeric} right-aligns columns from the second on. */
    static String table(String cssClass, List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"").append(cssClass).append("\">\n");
        if (header.stream().anyMatch(h -> !h.isEmpty())) {
            sb.append("<thead><tr>");
            for (String h : header) sb.append("<th>").append(h).append("</th>");
            sb.append("</tr></thead>\n");
        }
        sb.append("<tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (String c : r) sb.append("<td>").append(c).append("</td>");
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    /** A number cell: human-readable text with the exact value in {@code data-value}. */
    static String number(double v) {
        if (Double.isNaN(v)) return "<span class=\"num muted\" data-value=\"NaN\" title=\"not a number (null in summary.json)\">—</span>";
        return "<span class=\"num\" data-value=\"" + Svg.exact(v) + "\" title=\"" + Svg.exact(v) + "\">" + esc(Svg.human(v, 4)) + "</span>";
    }

    /** Any JSON value, briefly. */
    static String value(Object v) {
        if (v == null) return "<span class=\"muted\">null</span>";
        if (v instanceof Number n) return number(n.doubleValue());
        if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(o -> o instanceof Map<?, ?>)) return records(l);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("<span class=\"list\">[");
            int shown = Math.min(l.size(), 12);
            for (int i = 0; i < shown; i++) {
                if (i > 0) sb.append(", ");
                Object o = l.get(i);
                sb.append(o instanceof Number n ? number(n.doubleValue()) : esc(String.valueOf(o)));
            }
            if (l.size() > shown) sb.append(", … ").append(l.size() - shown).append(" more");
            return sb.append("]</span>").toString();
        }
        if (v instanceof Map<?, ?> m && m.size() == 2 && m.get("mean") instanceof Number mean && m.containsKey("std"))
            return number(mean.doubleValue()) + (m.get("std") instanceof Number sd ? " <span class=\"muted\">± " + esc(Svg.human(sd.doubleValue(), 2)) + "</span>" : "");
        if (v instanceof Map<?, ?> m && !m.isEmpty() && m.values().stream().allMatch(o -> o instanceof Map<?, ?>)) {
            // An object of objects (seed_stats): one row per key.
            List<Object> rows = new java.util.ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("", String.valueOf(e.getKey()).replace('_', ' '));
                for (Map.Entry<?, ?> inner : ((Map<?, ?>) e.getValue()).entrySet()) row.put(String.valueOf(inner.getKey()), inner.getValue());
                rows.add(row);
            }
            return records(rows);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(esc(String.valueOf(e.getKey()))).append(" = ").append(value(e.getValue()));
            }
            return sb.toString();
        }
        return esc(String.valueOf(v));
    }

    /** A list of JSON objects as a small table: one row per object, one column per key seen. */
    private static String records(List<?> list) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (Object o : list) for (Object k : ((Map<?, ?>) o).keySet()) keys.add(String.valueOf(k));
        List<String> header = new java.util.ArrayList<>();
        for (String k : keys) header.add(esc(k.replace('_', ' ')));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Object o : list) {
            List<String> row = new java.util.ArrayList<>();
            for (String k : keys) row.add(((Map<?, ?>) o).containsKey(k) ? value(((Map<?, ?>) o).get(k)) : "");
            rows.add(row);
        }
        return table("records", header, rows).trim();
    }

    static String figures(List<Figure> figures) {
        if (figures.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<div class=\"figures\">\n");
        for (Figure f : figures)
            sb.append("<figure id=\"fig-").append(esc(f.file().replace(".svg", ""))).append("\">\n").append(f.svg()).append("<figcaption>")
                    .append(esc(f.caption())).append(" <span class=\"file\">plots/").append(esc(f.file())).append("</span></figcaption>\n</figure>\n");
        return sb.append("</div>\n").toString();
    }

    static final String CSS = """
            :root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bg: #f5f7fa; --accent: #4e79a7; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
                   font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
            main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 48px; }
            header.top { background: #ffffff; border-bottom: 1px solid var(--line); }
            header.top div { max-width: 1320px; margin: 0 auto; padding: 20px 28px 14px; }
            h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; }
            h2 { margin: 0 0 12px; font-size: 18px; font-weight: 600; }
            h3 { margin: 18px 0 8px; font-size: 14px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
            .sub { color: var(--muted); margin: 0; }
            nav { margin-top: 10px; }
            nav a { display: inline-block; margin: 0 6px 6px 0; padding: 2px 10px; border: 1px solid var(--line); border-radius: 999px;
                    color: var(--ink); text-decoration: none; font-size: 13px; background: var(--bg); }
            nav a:hover { border-color: var(--accent); }
            section { background: #ffffff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 0 0 20px; }
            .badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 9px; border-radius: 6px; margin-right: 8px;
                     background: #e8eef6; color: #2c5282; vertical-align: 2px; text-transform: uppercase; letter-spacing: .04em; }
            .kind-evaluate .badge { background: #e6f4ea; color: #276749; }
            .kind-search .badge { background: #fdf0e2; color: #9c4221; }
            .stepid { color: var(--muted); font-weight: 400; font-size: 13px; margin-left: 6px; }
            table { border-collapse: collapse; margin: 4px 0 8px; font-size: 13px; }
            th, td { text-align: left; padding: 4px 14px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { color: var(--muted); font-weight: 600; }
            table.records { margin: 0; font-size: 12px; }
            table.records th, table.records td { padding: 1px 12px 1px 0; }
            td .num, .metrics td:nth-child(2) { font-variant-numeric: tabular-nums; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 6px 0 10px; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 130px; }
            .card .label { color: var(--muted); font-size: 12px; }
            .card .big { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
            .spark { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; color: var(--accent); letter-spacing: -1px; }
            .figures { display: flex; flex-wrap: wrap; gap: 16px; }
            figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 6px; background: #ffffff; max-width: 100%; overflow-x: auto; }
            figure svg { display: block; max-width: 100%; height: auto; }
            figcaption { color: var(--muted); font-size: 12px; padding: 4px 6px 2px; max-width: 560px; }
            figcaption .file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; color: #9aa5b1; margin-left: 4px; }
            .warn { background: #fff8e6; border: 1px solid #f6d58e; border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
            .muted { color: var(--muted); }
            details summary { cursor: pointer; color: var(--accent); margin: 8px 0; }
            footer { color: var(--muted); font-size: 13px; }
            footer section { color: var(--ink); }
            pre { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; overflow-x: auto;
                  font: 12.5px/1.45 ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
            code, .hash { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
            @media print { body { background: #ffffff; } section { break-inside: avoid; } }
            """;
}
