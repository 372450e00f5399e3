package org.mlopt.tools;

import org.mlopt.parse.Lexing;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Registry;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words editors highlight, from the two sources of truth: the lexer's reserved words and the
 * component registry. Statement and option-group schemas are not names a script writes as values,
 * so they are left out of the components.
 */
record Vocabulary(List<String> keywords, List<String> statementKeywords, List<String> booleans, List<String> components) {

    static Vocabulary standard() {
        return of(Registry.standard());
    }

    static Vocabulary of(Registry registry) {
        Set<String> names = new TreeSet<>();
        for (Component c : registry.all()) {
            if (c.kind() == Kind.STATEMENT || c.kind() == Kind.OPTION_GROUP) continue;
            if (c.name().matches("[A-Za-z_][A-Za-z0-9_]*")) names.add(c.name());
        }
        names.removeAll(Lexing.keywords());
        names.removeAll(Lexing.booleans());
        return new Vocabulary(Lexing.keywords(), Lexing.statementKeywords(), Lexing.booleans(), List.copyOf(names));
    }
}
