package org.mlopt.lsp;

import org.mlopt.schema.Component;
import org.mlopt.schema.Param;

/** Markdown for hovers and completion details: a component with its parameter table, or one parameter. */
final class ComponentDocs {

    private ComponentDocs() {}

    static String component(Component c) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(c.name()).append("** — ").append(c.kind().label());
        if (c.status() == Component.Status.PLANNED) b.append(" (planned, not yet available)");
        b.append("\n\n").append(c.doc()).append('\n');
        if (!c.params().isEmpty()) {
            b.append("\n| parameter | type | default | range | meaning |\n|---|---|---|---|---|\n");
            for (Param p : c.params()) {
                b.append("| `").append(p.name()).append('`').append(p.required() ? " (required)" : "")
                        .append(" | ").append(cell(p.type().describe()))
                        .append(" | ").append(cell(defaultText(p)))
                        .append(" | ").append(p.range() == null ? "" : cell(p.range().describe()))
                        .append(" | ").append(cell(p.doc() == null ? "" : p.doc())).append(" |\n");
            }
        }
        return b.toString();
    }

    /** A parameter of {@code owner}: its doc, type, default and range. */
    static String param(Param p, String owner) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(p.name()).append("** — parameter of ").append(owner).append("\n\n");
        if (p.doc() != null && !p.doc().isEmpty()) b.append(p.doc()).append("\n\n");
        b.append("- type: ").append(p.type().describe()).append('\n');
        if (p.required()) b.append("- required\n");
        else b.append("- default: ").append(defaultText(p).isEmpty() ? "none" : defaultText(p)).append('\n');
        if (p.range() != null) b.append("- range: ").append(p.range().describe()).append('\n');
        if (p.positional()) b.append("- may be given without its name, in order\n");
        return b.toString();
    }

    /** Where a parameter belongs, in words: "optimizer `adam`", "`train` settings". */
    static String owner(Component c) {
        return switch (c.kind()) {
            case STATEMENT -> "`" + c.name() + "` settings";
            case OPTION_GROUP -> "`" + c.name() + "` options";
            default -> c.kind().label() + " `" + c.name() + "`";
        };
    }

    static String defaultText(Param p) {
        Object v = p.defaultValue();
        if (v == null) return "";
        if (v instanceof Double d) {
            if (d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            if (d.isNaN() || d.isInfinite()) return Double.toString(d);
            // As a script would spell it: 1e-8, not 1.0E-8.
            return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toString().toLowerCase(java.util.Locale.ROOT)
                    .replace("e+", "e");
        }
        if (v instanceof String s && p.type() instanceof org.mlopt.schema.Type.Str) return "\"" + s + "\"";
        return String.valueOf(v);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
