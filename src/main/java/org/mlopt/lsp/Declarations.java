package org.mlopt.lsp;

import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.parse.TokenKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names a script declares, read from its tokens rather than its AST so completion, hover and
 * go-to-definition keep working while the script is half typed and does not parse.
 */
final class Declarations {

    /** Statements of the form {@code KEYWORD NAME ...} that declare NAME. */
    private static final Set<String> NAMING = Set.of("data", "model", "network", "loss", "optimizer", "regularizer",
            "schedule", "load");

    /**
     * One declared name. {@code kind} is the declaring keyword (split parts have kind {@code split});
     * {@code component} is the component called after {@code =}, if any; {@code statementText} is
     * the whole declaring statement as written.
     */
    record Declaration(String name, String kind, LexToken nameToken, String component, String statementText,
                       String splitOf) {}

    private final List<Declaration> all;

    private Declarations(List<Declaration> all) {
        this.all = Collections.unmodifiableList(all);
    }

    /** The declarations of a script, given its text and {@link org.mlopt.parse.Lexing#tokens its tokens}. */
    static Declarations scan(String text, List<LexToken> tokens) {
        List<Declaration> out = new ArrayList<>();
        for (List<LexToken> statement : TopLevelStatements.split(tokens)) declare(statement, TopLevelStatements.source(text, statement), out);
        return new Declarations(out);
    }

    List<Declaration> all() {
        return all;
    }

    /** The first declaration of {@code name}. */
    Optional<Declaration> find(String name) {
        for (Declaration d : all) if (d.name().equals(name)) return Optional.of(d);
        return Optional.empty();
    }

    /** Declarations whose kind is one of {@code kinds}, in source order. */
    List<Declaration> ofKinds(Collection<String> kinds) {
        List<Declaration> out = new ArrayList<>();
        for (Declaration d : all) if (kinds.contains(d.kind())) out.add(d);
        return out;
    }

    private static void declare(List<LexToken> statement, String text, List<Declaration> out) {
        String keyword = statement.get(0).text();
        if (NAMING.contains(keyword)) {
            if (statement.size() < 2 || !isWord(statement.get(1))) return;
            String component = null;
            if (statement.size() >= 4 && statement.get(2).text().equals("=") && isWord(statement.get(3)))
                component = statement.get(3).text();
            out.add(new Declaration(statement.get(1).text(), keyword, statement.get(1), component, text, null));
        } else if (keyword.equals("split")) {
            String dataset = statement.size() >= 2 && isWord(statement.get(1)) ? statement.get(1).text() : null;
            boolean afterArrow = false;
            int depth = 0;
            for (int i = 1; i < statement.size(); i++) {
                LexToken t = statement.get(i);
                if (t.text().equals("->")) afterArrow = true;
                else if (t.text().equals("{") || t.text().equals("(") || t.text().equals("[")) depth++;
                else if (t.text().equals("}") || t.text().equals(")") || t.text().equals("]")) depth--;
                else if (afterArrow && depth == 0 && isWord(t) && i + 1 < statement.size() && statement.get(i + 1).text().equals(":"))
                    out.add(new Declaration(t.text(), "split", t, null, text, dataset));
            }
        }
    }

    static boolean isWord(LexToken t) {
        return t.kind() == TokenKind.IDENT || (t.kind() == TokenKind.KEYWORD && !Lexing.booleans().contains(t.text()));
    }
}
