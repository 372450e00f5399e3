package org.mlopt.repl;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Completes from the component schemas and the session's declarations: statement keywords at the
 * start of a statement, components of the kind the position calls for ({@code optimizer o = },
 * {@code loss: }), parameter names inside a call ({@code adam(} gives {@code lr:}), settings inside a
 * statement's block, datasets after {@code on}, models after {@code train} and {@code evaluate},
 * and {@code :commands}.
 */
public final class ReplCompleter implements Completer {

    /** Settings keys whose value is a component of a kind. */
    private static final Map<String, Kind> KEY_KINDS = Map.ofEntries(
            Map.entry("loss", Kind.LOSS), Map.entry("optimizer", Kind.OPTIMIZER), Map.entry("regularizer", Kind.REGULARIZER),
            Map.entry("schedule", Kind.SCHEDULE), Map.entry("init", Kind.INITIALIZER), Map.entry("activation", Kind.ACTIVATION),
            Map.entry("strategy", Kind.SEARCH_STRATEGY), Map.entry("cv", Kind.CV), Map.entry("method", Kind.PRUNE_METHOD),
            Map.entry("metric", Kind.METRIC), Map.entry("metrics", Kind.METRIC));

    /** Declaring statements whose right-hand side is a component of a kind. */
    private static final Map<String, Kind> DECLARATION_KINDS = Map.of(
            "loss", Kind.LOSS, "optimizer", Kind.OPTIMIZER, "regularizer", Kind.REGULARIZER, "schedule", Kind.SCHEDULE,
            "model", Kind.MODEL, "data", Kind.DATA_SOURCE);

    private static final Set<String> MODEL_STATEMENTS = Set.of("train", "evaluate", "search", "prune", "save", "distill");
    private static final Set<String> DATASET_KINDS = Set.of("data", "split");
    private static final Set<String> MODEL_KINDS = Set.of("model", "network", "load");

    private final Registry registry;
    private final Supplier<Map<String, String>> declarations;

    /** @param declarations the session's declared names and their kinds, read at each completion */
    public ReplCompleter(Registry registry, Supplier<Map<String, String>> declarations) {
        this.registry = registry;
        this.declarations = declarations;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates(line.line(), line.cursor()));
    }

    /** The candidates at {@code cursor}, already narrowed to the word being typed. */
    public List<Candidate> candidates(String buffer, int cursor) {
        int start = ReplParser.wordStart(buffer, cursor);
        String word = buffer.substring(start, cursor);
        List<Candidate> all = new ArrayList<>();
        suggest(buffer.substring(0, start), all);
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Candidate c : all) if (c.value().startsWith(word) && seen.add(c.value())) out.add(c);
        return out;
    }

    /** Values only, for tests and quick looks. */
    public List<String> values(String before) {
        return candidates(before, before.length()).stream().map(Candidate::value).toList();
    }

    private void suggest(String before, List<Candidate> out) {
        List<LexToken> tokens = new ArrayList<>();
        for (LexToken t : Lexing.tokens(before)) if (!t.isTrivia()) tokens.add(t);
        if (tokens.isEmpty()) {
            for (String c : ReplCommands.names()) out.add(new Candidate(c, c, "commands", null, null, null, true));
            keywords(out);
            return;
        }
        List<Integer> open = new ArrayList<>();
        int statementStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            if (open.isEmpty() && i > 0 && startsLine(before, tokens.get(i)) && Lexing.statementKeywords().contains(t)
                    && tokens.get(i).kind() == org.mlopt.parse.TokenKind.KEYWORD) statementStart = i;
            switch (t) {
                case "(", "[", "{" -> open.add(i);
                case ")", "]", "}" -> { if (!open.isEmpty()) open.remove(open.size() - 1); }
                default -> { }
            }
        }
        String statement = tokens.get(statementStart).text();
        LexToken last = tokens.get(tokens.size() - 1);
        boolean lineStart = before.substring(last.end()).contains("\n");
        if (open.isEmpty()) {
            if (lineStart && Lexing.isComplete(before)) keywords(out);
            else topLevel(statement, tokens, statementStart, out);
            return;
        }
        int bracket = open.get(open.size() - 1);
        String kind = tokens.get(bracket).text();
        String previous = last.text();
        if (kind.equals("(")) inCall(tokens, bracket, previous, statement, out);
        else if (kind.equals("[")) {
            if (statement.equals("evaluate")) components(Kind.METRIC, out);
        } else inBlock(tokens, bracket, statement, previous, lineStart, out);
    }

    private void topLevel(String statement, List<LexToken> tokens, int statementStart, List<Candidate> out) {
        String last = tokens.get(tokens.size() - 1).text();
        boolean onlyKeyword = tokens.size() - 1 == statementStart;
        switch (last) {
            case "=" -> {
                Kind k = DECLARATION_KINDS.get(statement);
                if (k != null) components(k, out);
            }
            case "on", "fit" -> names(DATASET_KINDS, out);
            case "->" -> { if (statement.equals("distill")) names(MODEL_KINDS, out); }
            case ":" -> { if (statement.equals("evaluate")) out.add(new Candidate("[", "[", null, null, null, null, false)); }
            case "," -> {
                if (statement.equals("preprocess")) components(Kind.PREPROCESSOR, out);
                else if (statement.equals("evaluate")) names(MODEL_KINDS, out);
            }
            default -> {
                if (!onlyKeyword) return;
                if (MODEL_STATEMENTS.contains(statement)) names(MODEL_KINDS, out);
                else if (statement.equals("split")) names(DATASET_KINDS, out);
                else if (statement.equals("preprocess")) components(Kind.PREPROCESSOR, out);
            }
        }
    }

    private void inCall(List<LexToken> tokens, int bracket, String previous, String statement, List<Candidate> out) {
        String callee = bracket > 0 ? tokens.get(bracket - 1).text() : "";
        if (previous.equals("(") || previous.equals(",")) {
            for (Component c : registry.named(callee)) params(c, out);
        } else if (previous.equals(":")) {
            valueOf(tokens.get(tokens.size() - 2).text(), statement, out);
        }
    }

    private void inBlock(List<LexToken> tokens, int bracket, String statement, String previous, boolean lineStart, List<Candidate> out) {
        String owner = ownerOfBlock(tokens, bracket, statement);
        if (previous.equals(":")) {
            valueOf(tokens.get(tokens.size() - 2).text(), statement, out);
            return;
        }
        if (!(lineStart || previous.equals("{") || previous.equals(","))) return;
        if (statement.equals("network") && owner.equals("network")) components(Kind.LAYER, out);
        registry.statement(owner).or(() -> registry.group(owner)).ifPresent(c -> params(c, out));
    }

    /** The statement keyword for a statement's own block, or the key of a nested {@code key: { }} group. */
    private static String ownerOfBlock(List<LexToken> tokens, int bracket, String statement) {
        if (bracket >= 2 && tokens.get(bracket - 1).text().equals(":")) return tokens.get(bracket - 2).text();
        return statement;
    }

    private void valueOf(String key, String statement, List<Candidate> out) {
        Kind kind = KEY_KINDS.get(key);
        if (statement.equals("prune") && key.equals("schedule")) kind = Kind.PRUNE_SCHEDULE;
        if (kind != null) {
            for (Map.Entry<String, String> d : declarations.get().entrySet())
                if (d.getValue().equals(key)) out.add(new Candidate(d.getKey(), d.getKey(), "declared", null, null, null, true));
            components(kind, out);
        } else if (key.equals("validate") || key.equals("data")) {
            names(DATASET_KINDS, out);
        } else if (key.equals("teacher") || key.equals("student")) {
            names(MODEL_KINDS, out);
        }
    }

    private void keywords(List<Candidate> out) {
        for (String k : Lexing.statementKeywords()) out.add(new Candidate(k, k, "statements", null, null, null, true));
    }

    private void components(Kind kind, List<Candidate> out) {
        for (Component c : registry.all(kind)) {
            if (c.status() == Component.Status.PLANNED) continue;
            out.add(new Candidate(c.name(), c.name(), kind.label(), firstSentence(c.doc()), null, null, false));
        }
    }

    private void params(Component c, List<Candidate> out) {
        for (Param p : c.params())
            out.add(new Candidate(p.name() + ":", p.name() + ":", c.name(), firstSentence(p.doc()), null, null, true));
    }

    private void names(Collection<String> kinds, List<Candidate> out) {
        for (Map.Entry<String, String> d : declarations.get().entrySet())
            if (kinds.contains(d.getValue())) out.add(new Candidate(d.getKey(), d.getKey(), d.getValue(), null, null, null, true));
    }

    private static boolean startsLine(String text, LexToken t) {
        for (int i = t.start() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') return true;
            if (!Character.isWhitespace(c)) return false;
        }
        return true;
    }

    private static String firstSentence(String doc) {
        if (doc == null) return null;
        int dot = doc.indexOf(". ");
        return dot < 0 ? doc : doc.substring(0, dot + 1);
    }
}
