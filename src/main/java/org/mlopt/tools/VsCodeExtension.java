package org.mlopt.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VS Code extension: manifest, TextMate grammar, language configuration and snippets. The
 * manifest points at the hand-written {@code extension.js}, which starts {@code mlopt lsp}.
 */
final class VsCodeExtension {

    static final String SCOPE = "source.mlopt";
    private static final String IDENT = "[A-Za-z_][A-Za-z0-9_]*";
    /** Not preceded by a name character or a dot (so {@code train.epochs} does not start a keyword). */
    private static final String WORD_START = "(?<![A-Za-z0-9_.])";
    private static final String WORD_END = "(?![A-Za-z0-9_])";
    private static final String DIGITS = "[0-9](?:[0-9_]*[0-9])?";
    private static final String EXPONENT = "(?:[eE][+-]?[0-9]+)?";

    private VsCodeExtension() {}

    static Map<String, String> files(Vocabulary v) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("vscode/package.json", Json.write(manifest()));
        out.put("vscode/language-configuration.json", Json.write(languageConfiguration()));
        out.put("vscode/syntaxes/mlopt.tmLanguage.json", Json.write(grammar(v)));
        out.put("vscode/snippets/mlopt.json", Json.write(snippets(v)));
        return out;
    }

    private static Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "mlopt");
        m.put("displayName", "mlopt");
        m.put("description", "Diagnostics, completion, hover, go to definition, outline, formatting, highlighting and snippets for mlopt experiment scripts (.mlopt).");
        m.put("version", "0.1.0");
        m.put("publisher", "mlopt");
        m.put("private", true);
        m.put("engines", Map.of("vscode", "^1.82.0"));
        m.put("categories", List.of("Programming Languages", "Snippets", "Formatters"));
        m.put("activationEvents", List.of("onLanguage:mlopt"));
        m.put("main", "./extension.js");
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("id", "mlopt");
        language.put("aliases", List.of("mlopt"));
        language.put("extensions", List.of(".mlopt"));
        language.put("configuration", "./language-configuration.json");
        Map<String, Object> grammar = new LinkedHashMap<>();
        grammar.put("language", "mlopt");
        grammar.put("scopeName", SCOPE);
        grammar.put("path", "./syntaxes/mlopt.tmLanguage.json");
        Map<String, Object> snippets = new LinkedHashMap<>();
        snippets.put("language", "mlopt");
        snippets.put("path", "./snippets/mlopt.json");
        Map<String, Object> contributes = new LinkedHashMap<>();
        contributes.put("languages", List.of(language));
        contributes.put("grammars", List.of(grammar));
        contributes.put("snippets", List.of(snippets));
        contributes.put("configuration", serverSettings());
        m.put("contributes", contributes);
        m.put("scripts", Map.of("test", "vscode-tmgrammar-test -g syntaxes/mlopt.tmLanguage.json \"test/**/*.mlopt\""));
        m.put("dependencies", Map.of("vscode-languageclient", "^9.0.1"));
        m.put("devDependencies", Map.of("vscode-tmgrammar-test", "0.1.3"));
        return m;
    }

    /** How {@code extension.js} starts the language server ({@code mlopt lsp} over stdio). */
    private static Map<String, Object> serverSettings() {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("type", "string");
        command.put("default", "mlopt");
        command.put("description", "The mlopt launcher that runs the language server (a name on the PATH or a full path).");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("type", "array");
        args.put("items", Map.of("type", "string"));
        args.put("default", List.of("lsp"));
        args.put("description", "Arguments that make the launcher serve the Language Server Protocol over stdin and stdout.");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("mlopt.serverCommand", command);
        properties.put("mlopt.serverArgs", args);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("title", "mlopt");
        configuration.put("properties", properties);
        return configuration;
    }

    private static Map<String, Object> languageConfiguration() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("comments", Map.of("lineComment", "#"));
        List<Object> brackets = List.of(List.of("{", "}"), List.of("[", "]"), List.of("(", ")"));
        c.put("brackets", brackets);
        List<Object> pairs = new ArrayList<>();
        for (String[] p : new String[][] {{"{", "}"}, {"[", "]"}, {"(", ")"}}) pairs.add(pair(p[0], p[1], false));
        pairs.add(pair("\"", "\"", true));
        c.put("autoClosingPairs", pairs);
        c.put("surroundingPairs", List.of(List.of("{", "}"), List.of("[", "]"), List.of("(", ")"), List.of("\"", "\"")));
        Map<String, Object> markers = new LinkedHashMap<>();
        markers.put("start", "^\\s*#\\s*region\\b");
        markers.put("end", "^\\s*#\\s*endregion\\b");
        Map<String, Object> folding = new LinkedHashMap<>();
        folding.put("offSide", false);
        folding.put("markers", markers);
        c.put("folding", folding);
        Map<String, Object> indentation = new LinkedHashMap<>();
        indentation.put("increaseIndentPattern", "^[^#]*[{(\\[]\\s*(#.*)?$");
        indentation.put("decreaseIndentPattern", "^\\s*[}\\])]");
        c.put("indentationRules", indentation);
        c.put("wordPattern", "-?(?:\\d[\\d_]*(?:\\.[\\d_]*)?(?:[eE][+-]?\\d+)?|\\.\\d[\\d_]*(?:[eE][+-]?\\d+)?)|[A-Za-z_][A-Za-z0-9_]*");
        return c;
    }

    private static Map<String, Object> pair(String open, String close, boolean notInStrings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("open", open);
        m.put("close", close);
        if (notInStrings) m.put("notIn", List.of("string", "comment"));
        return m;
    }

    private static Map<String, Object> grammar(Vocabulary v) {
        List<String> connecting = new ArrayList<>(v.keywords());
        connecting.removeAll(v.statementKeywords());
        Map<String, Object> repository = new LinkedHashMap<>();
        repository.put("comment", capture("(#).*$", "comment.line.number-sign.mlopt", "punctuation.definition.comment.mlopt"));
        repository.put("string", string());
        repository.put("number", match(WORD_START + "(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?" + EXPONENT
                + "|\\." + DIGITS + EXPONENT + ")" + WORD_END, "constant.numeric.mlopt"));
        repository.put("boolean", match(WORD_START + alternatives(v.booleans()) + WORD_END, "constant.language.boolean.mlopt"));
        repository.put("parameter-key", capture("(?<![A-Za-z0-9_])(" + IDENT + ")(?=\\s*:)", null, "variable.parameter.mlopt"));
        String notAName = "(?!\\s*[:(.\\[])";
        repository.put("statement-keyword", match(WORD_START + alternatives(v.statementKeywords()) + WORD_END + notAName,
                "keyword.control.statement.mlopt"));
        repository.put("keyword", match(WORD_START + alternatives(connecting) + WORD_END + notAName, "keyword.other.mlopt"));
        if (!v.components().isEmpty())
            repository.put("component", match(WORD_START + alternatives(v.components()) + WORD_END + "(?!\\s*:)",
                    "support.function.mlopt"));
        repository.put("call", capture(WORD_START + "(" + IDENT + ")(?=\\s*\\()", null, "entity.name.function.mlopt"));
        repository.put("operator", operators());
        repository.put("punctuation", punctuation());
        repository.put("invalid", match("[^\\sA-Za-z0-9_\"#{}()\\[\\]:,.=\\-]", "invalid.illegal.character.mlopt"));

        Map<String, Object> g = new LinkedHashMap<>();
        g.put("$schema", "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json");
        g.put("name", "mlopt");
        g.put("scopeName", SCOPE);
        g.put("fileTypes", List.of("mlopt"));
        List<Object> patterns = new ArrayList<>();
        for (String name : repository.keySet()) patterns.add(Map.of("include", "#" + name));
        g.put("patterns", patterns);
        g.put("repository", repository);
        return g;
    }

    private static Map<String, Object> string() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", "string.quoted.double.mlopt");
        s.put("begin", "\"");
        s.put("beginCaptures", Map.of("0", Map.of("name", "punctuation.definition.string.begin.mlopt")));
        s.put("end", "\"|$");
        s.put("endCaptures", Map.of("0", Map.of("name", "punctuation.definition.string.end.mlopt")));
        s.put("patterns", List.of(
                match("\\\\(?:[\"\\\\/bfnrt]|u[0-9A-Fa-f]{4})", "constant.character.escape.mlopt"),
                match("\\\\.", "invalid.illegal.unknown-escape.mlopt")));
        return s;
    }

    private static Map<String, Object> operators() {
        return Map.of("patterns", List.of(
                match("->", "keyword.operator.arrow.mlopt"),
                match("=", "keyword.operator.assignment.mlopt"),
                match("-", "keyword.operator.sign.mlopt")));
    }

    private static Map<String, Object> punctuation() {
        return Map.of("patterns", List.of(
                match(":", "punctuation.separator.key-value.mlopt"),
                match(",", "punctuation.separator.comma.mlopt"),
                match("\\.", "punctuation.accessor.mlopt"),
                match("\\{", "punctuation.section.block.begin.mlopt"),
                match("\\}", "punctuation.section.block.end.mlopt"),
                match("\\(", "punctuation.section.parens.begin.mlopt"),
                match("\\)", "punctuation.section.parens.end.mlopt"),
                match("\\[", "punctuation.section.brackets.begin.mlopt"),
                match("\\]", "punctuation.section.brackets.end.mlopt")));
    }

    private static Map<String, Object> match(String regex, String scope) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match", regex);
        m.put("name", scope);
        return m;
    }

    /** A match whose whole scope is {@code scope} (may be null) and whose first group is {@code group1}. */
    private static Map<String, Object> capture(String regex, String scope, String group1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match", regex);
        if (scope != null) m.put("name", scope);
        m.put("captures", Map.of("1", Map.of("name", group1)));
        return m;
    }

    private static String alternatives(List<String> words) {
        return "(?:" + String.join("|", words) + ")";
    }

    private static Map<String, Object> snippets(Vocabulary v) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String keyword : v.statementKeywords()) {
            Snippets.Snippet s = Snippets.forStatement(keyword);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("prefix", keyword);
            entry.put("body", s.body());
            entry.put("description", s.description());
            out.put(keyword + " statement", entry);
        }
        return out;
    }
}
