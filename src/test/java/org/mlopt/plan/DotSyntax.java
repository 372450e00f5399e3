package org.mlopt.plan;

import java.util.List;

/**
 * A recursive-descent check of the DOT subset PlanDot writes, following the grammar in the
 * Graphviz documentation ("The DOT Language"): graph, subgraph, node, edge and attribute
 * statements; IDs are names, numerals or double-quoted strings. Throws on the first error.
 */
final class DotSyntax {

    private final List<String> tokens;
    private int pos;

    private DotSyntax(List<String> tokens) {
        this.tokens = tokens;
    }

    static void check(List<String> tokens) {
        DotSyntax p = new DotSyntax(tokens);
        p.expect("digraph");
        if (!p.peek().equals("{")) p.id();
        p.block();
        if (p.pos != tokens.size()) throw new IllegalArgumentException("text after the graph at token " + p.pos);
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "<end>";
    }

    private String next() {
        String t = peek();
        pos++;
        return t;
    }

    private void expect(String t) {
        if (!next().equals(t)) throw new IllegalArgumentException("expected " + t + " at token " + (pos - 1) + " but found " + tokens.get(pos - 1));
    }

    private void block() {
        expect("{");
        while (!peek().equals("}")) {
            if (peek().equals("<end>")) throw new IllegalArgumentException("unclosed {");
            statement();
            if (peek().equals(";")) next();
        }
        expect("}");
    }

    private void statement() {
        String t = peek();
        if (t.equals("subgraph")) {
            next();
            if (!peek().equals("{")) id();
            block();
            return;
        }
        if (t.equals("node") || t.equals("edge") || t.equals("graph")) {
            next();
            attributes();
            return;
        }
        id();
        if (peek().equals("=")) {
            next();
            id();
            return;
        }
        while (peek().equals("->")) {
            next();
            id();
        }
        if (peek().equals("[")) attributes();
    }

    private void attributes() {
        expect("[");
        while (!peek().equals("]")) {
            id();
            expect("=");
            id();
            if (peek().equals(",") || peek().equals(";")) next();
        }
        expect("]");
    }

    private void id() {
        String t = next();
        boolean quoted = t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"");
        boolean name = t.matches("[A-Za-z_\\u0080-\\uffff][A-Za-z_0-9\\u0080-\\uffff]*");
        boolean numeral = t.matches("-?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)");
        if (!quoted && !name && !numeral) throw new IllegalArgumentException("not a DOT id: " + t + " at token " + (pos - 1));
        if (quoted) {
            String body = t.substring(1, t.length() - 1);
            for (int i = 0; i < body.length(); i++) {
                if (body.charAt(i) == '\\') i++;
                else if (body.charAt(i) == '"') throw new IllegalArgumentException("unescaped quote in " + t);
            }
        }
    }
}
