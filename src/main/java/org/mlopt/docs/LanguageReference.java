package org.mlopt.docs;

import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Task;
import org.mlopt.schema.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/language.md}: the statement guide (the resource
 * {@code docs/language-statements.md}) followed by every component of the registry, grouped by
 * kind, with a parameter table each. The output depends only on the registry and the resource,
 * so the committed file can be compared with a fresh rendering.
 */
public final class LanguageReference {

    /** Where the rendered reference lives in the source tree. */
    public static final Path DEFAULT_OUTPUT = Path.of("docs", "language.md");

    private static final String STATEMENTS_RESOURCE = "/docs/language-statements.md";

    private LanguageReference() {}

    /** Writes the reference for the standard registry to {@code args[0]} (default {@code docs/language.md}). */
    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, render(Registry.standard()), StandardCharsets.UTF_8);
    }

    /** The whole reference as Markdown. */
    public static String render(Registry registry) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated from the component registry (org.mlopt.schema) and src/main/resources")
                .append(STATEMENTS_RESOURCE).append(" by org.mlopt.docs.LanguageReference.\n")
                .append("     Do not edit by hand: mvn test -Dtest=LanguageReferenceTest -Dgolden.update=true rewrites it. -->\n\n");
        md.append(statementGuide().strip()).append("\n\n");
        md.append("## Component reference\n\n");
        md.append("Every component the language names, by kind. A parameter marked *positional* may be given without its ")
                .append("name, in the order listed (`dense(64, relu)`); a component without arguments may be written as a bare ")
                .append("name (`optimizer: adam`). *Tasks* lists the targets a component fits; *planned* components are part of ")
                .append("the language but not implemented yet, and the checker rejects them.\n\n");
        for (Kind kind : Kind.values()) {
            Collection<Component> components = registry.all(kind);
            if (components.isEmpty()) continue;
            md.append("- ").append(title(kind)).append(": ")
                    .append(components.stream().map(c -> "`" + c.name() + "`").collect(Collectors.joining(", "))).append('\n');
        }
        md.append('\n');
        for (Kind kind : Kind.values()) {
            Collection<Component> components = registry.all(kind);
            if (components.isEmpty()) continue;
            md.append("### ").append(title(kind)).append("\n\n");
            for (Component c : components) component(md, c);
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static void component(StringBuilder md, Component c) {
        md.append("#### `").append(c.name()).append("`");
        if (c.status() == Component.Status.PLANNED) md.append(" (planned)");
        md.append("\n\n").append(c.doc()).append("\n\n");
        if (c.kind() != Kind.STATEMENT && c.kind() != Kind.OPTION_GROUP && !c.params().isEmpty())
            md.append("Form: `").append(signature(c)).append("`\n\n");
        if (!c.params().isEmpty()) {
            md.append("| parameter | type | default | range | required | description |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (Param p : c.params()) {
                md.append("| `").append(p.name()).append('`').append(p.positional() ? " (positional)" : "")
                        .append(" | ").append(cell(typeText(p.type())))
                        .append(" | ").append(cell(defaultText(p)))
                        .append(" | ").append(p.range() == null ? "–" : cell(p.range().describe()))
                        .append(" | ").append(p.required() ? "yes" : "no")
                        .append(" | ").append(cell(p.doc())).append(" |\n");
            }
            md.append('\n');
        }
        if (c.kind() != Kind.STATEMENT && c.kind() != Kind.OPTION_GROUP)
            md.append("Tasks: ").append(tasks(c)).append(". Status: ")
                    .append(c.status() == Component.Status.PLANNED ? "planned (rejected with E901)" : "available").append(".\n\n");
    }

    /**
     * {@code dense(units, activation: none, bias: true)}: required parameters by name, the others
     * with their default ({@code …} when there is none). The two space primitives that take any
     * number of arguments are spelled out, since a parameter schema has no notion of repetition.
     */
    static String signature(Component c) {
        if (c.kind() == Kind.SPACE && c.name().equals("choice")) return "choice(value, value, ...)";
        if (c.kind() == Kind.SPACE && c.name().equals("when")) return "when(key: value, ..., space)";
        List<String> parts = new ArrayList<>();
        for (Param p : c.params()) {
            if (p.required()) parts.add(p.name());
            else parts.add(p.name() + ": " + (p.defaultValue() == null ? "…" : formatValue(p.defaultValue(), p.type())));
        }
        return c.name() + "(" + String.join(", ", parts) + ")";
    }

    /**
     * A parameter type as the reference's tables show it: {@code whole number},
     * {@code `l1` | `l2`}, {@code activation}, {@code declared optimizer or optimizer}.
     */
    static String typeText(Type type) {
        if (type instanceof Type.Num n) return n.integer() ? "whole number" : "number";
        if (type instanceof Type.Bool) return "true or false";
        if (type instanceof Type.Str) return "string";
        if (type instanceof Type.Choice c) return c.values().stream().map(v -> "`" + v + "`").collect(Collectors.joining(" | "));
        if (type instanceof Type.Component c)
            return c.kinds().stream().map(Kind::label).sorted().collect(Collectors.joining(" or "));
        if (type instanceof Type.Ref r)
            return "declared " + r.declarationKinds().stream().sorted()
                    .map(k -> k.equals("split") ? "split part" : k).collect(Collectors.joining(" or "));
        if (type instanceof Type.ListOf l) {
            Type e = l.element();
            boolean oneWord = e instanceof Type.Num || e instanceof Type.Str || e instanceof Type.Component c && c.kinds().size() == 1;
            return oneWord ? "list of " + typeText(e) + "s" : "list of (" + typeText(e) + ")";
        }
        if (type instanceof Type.Group g) return "`{ }` of " + g.schemaName() + " settings";
        if (type instanceof Type.AnyOf a) return a.options().stream().map(LanguageReference::typeText).collect(Collectors.joining(" or "));
        return type.describe();
    }

    private static String defaultText(Param p) {
        if (p.defaultValue() == null) return "–";
        return "`" + formatValue(p.defaultValue(), p.type()) + "`";
    }

    /** A value as a script would spell it: {@code 1e-4}, {@code 0.5}, {@code 32}, {@code "x"}, {@code relu}. */
    static String formatValue(Object value, Type type) {
        if (value instanceof Double d) {
            String text = formatNumber(d);
            boolean real = type instanceof Type.Num n && !n.integer();
            return real && text.matches("-?[0-9]+") ? text + ".0" : text;
        }
        if (value instanceof String s && type instanceof Type.Str) return "\"" + s + "\"";
        return String.valueOf(value);
    }

    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }

    private static String tasks(Component c) {
        if (c.tasks().isEmpty()) return "any";
        List<String> labels = new ArrayList<>();
        for (Task t : Task.values()) if (c.tasks().contains(t)) labels.add(t.label());
        return String.join(", ", labels);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** "data source" becomes "Data sources", "search strategy" "Search strategies", "loss" "Losses". */
    static String title(Kind kind) {
        if (kind == Kind.STATEMENT) return "Statement settings";
        String label = kind.label();
        String plural = label.endsWith("y") ? label.substring(0, label.length() - 1) + "ies"
                : label.endsWith("s") ? label + "es" : label + "s";
        return Character.toUpperCase(plural.charAt(0)) + plural.substring(1);
    }

    private static String statementGuide() {
        try (InputStream in = LanguageReference.class.getResourceAsStream(STATEMENTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + STATEMENTS_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
