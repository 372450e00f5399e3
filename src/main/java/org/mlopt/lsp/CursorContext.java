package org.mlopt.lsp;

import org.mlopt.parse.LexToken;
import org.mlopt.parse.TokenKind;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a position sits in a script, worked out from the tokens before it (so it works on text
 * that does not parse yet): the statement it belongs to, the calls, blocks and lists around it,
 * and the word being typed. Completion and hover ask it what may be written there.
 */
final class CursorContext {

    /** Components a declaration statement names after its {@code =}. */
    private static final Map<String, Kind> DECLARED_COMPONENT = Map.of("data", Kind.DATA_SOURCE, "model", Kind.MODEL,
            "loss", Kind.LOSS, "optimizer", Kind.OPTIMIZER, "regularizer", Kind.REGULARIZER, "schedule", Kind.SCHEDULE);
    /** Statements whose first name is a model. */
    private static final Set<String> ACTS_ON_MODEL = Set.of("train", "evaluate", "search", "prune", "distill", "save");
    static final Set<String> MODEL_DECLARATIONS = Set.of("model", "network", "load");
    static final Set<String> DATASET_DECLARATIONS = Set.of("data", "split");

    enum FrameKind { TOP, CALL, BLOCK, SPACE, LIST }

    /** An open bracket around the position, with the significant tokens written inside it so far. */
    static final class Frame {
        final FrameKind kind;
        /** CALL: the callee; BLOCK: the block's settings schema. May be null when unknown. */
        final Component component;
        /** LIST: the type of its items. May be null. */
        final Type element;
        final List<LexToken> tokens = new ArrayList<>();

        Frame(FrameKind kind, Component component, Type element) {
            this.kind = kind;
            this.component = component;
            this.element = element;
        }

        LexToken last(int back) {
            int i = tokens.size() - 1 - back;
            return i >= 0 ? tokens.get(i) : null;
        }

        boolean lastIs(String text) {
            LexToken t = last(0);
            return t != null && t.text().equals(text);
        }
    }

    private final Registry registry;
    private final Declarations declarations;
    private final List<Frame> frames = new ArrayList<>();
    private String statement;
    private LexToken word;
    private boolean lineStart;
    private boolean inCommentOrString;

    private CursorContext(Registry registry, Declarations declarations) {
        this.registry = registry;
        this.declarations = declarations;
        frames.add(new Frame(FrameKind.TOP, null, null));
    }

    /** The context at code-point {@code offset} of {@code doc}. */
    static CursorContext at(Document doc, int offset, Registry registry) {
        String text = doc.text();
        List<LexToken> tokens = doc.tokens();
        CursorContext c = new CursorContext(registry, doc.declarations());
        boolean newlineSinceLast = true;
        for (LexToken t : tokens) {
            if (t.start() >= offset) break;
            if (offset <= t.end() && (Declarations.isWord(t) || t.kind() == TokenKind.BOOLEAN)) {
                c.word = t;
                break;
            }
            boolean unterminated = t.kind() == TokenKind.ERROR && t.text().startsWith("\"");
            if (t.kind() == TokenKind.COMMENT || t.kind() == TokenKind.STRING || unterminated) {
                boolean closed = t.kind() == TokenKind.STRING && t.text().length() > 1 && t.text().endsWith("\"");
                if (offset < t.end() || (offset == t.end() && !closed)) {
                    c.inCommentOrString = true;
                    break;
                }
            }
            if (t.isTrivia()) {
                if (t.text().indexOf('\n') >= 0) newlineSinceLast = true;
                continue;
            }
            c.accept(t, newlineSinceLast);
            newlineSinceLast = false;
        }
        int wordStart = c.word != null ? c.word.start() : offset;
        c.lineStart = onlySpacesBefore(text, wordStart);
        return c;
    }

    private void accept(LexToken t, boolean firstOnLine) {
        if (TopLevelStatements.startsStatement(t) && (frames.size() == 1 || firstOnLine)) {
            frames.subList(1, frames.size()).clear();
            top().tokens.clear();
            statement = t.text();
        }
        Frame inner = inner();
        switch (t.text()) {
            case "(" -> {
                LexToken callee = inner.last(0);
                Component c = callee != null && Declarations.isWord(callee)
                        ? Types.component(registry, callee.text(), expectedValue(inner, 1)).orElse(null) : null;
                inner.tokens.add(t);
                frames.add(new Frame(FrameKind.CALL, c, null));
            }
            case "{" -> {
                Frame opened = openBlock(inner);
                inner.tokens.add(t);
                frames.add(opened);
            }
            case "[" -> {
                Type type = expectedValue(inner, 0);
                inner.tokens.add(t);
                frames.add(new Frame(FrameKind.LIST, null, type == null ? null : Types.element(type)));
            }
            case ")", "}", "]" -> {
                if (frames.size() > 1) frames.remove(frames.size() - 1);
                inner().tokens.add(t);
            }
            default -> inner.tokens.add(t);
        }
    }

    private Frame openBlock(Frame inner) {
        LexToken previous = inner.last(0);
        if (previous != null && previous.text().equals("space")) return new Frame(FrameKind.SPACE, searchedModel(), null);
        if (previous != null && previous.text().equals(":")) {
            Optional<Param> key = keyBefore(inner, 0);
            Component schema = key.flatMap(p -> Types.group(p.type())).flatMap(registry::group).orElse(null);
            return new Frame(FrameKind.BLOCK, schema, null);
        }
        Component schema = inner.kind == FrameKind.TOP && statement != null ? registry.statement(statement).orElse(null) : null;
        return new Frame(FrameKind.BLOCK, schema, null);
    }

    Frame inner() {
        return frames.get(frames.size() - 1);
    }

    private Frame top() {
        return frames.get(0);
    }

    /** The keyword of the statement the position is in, or null before the first statement. */
    String statement() {
        return statement;
    }

    /** The word under or just before the position, being typed; null when there is none. */
    LexToken word() {
        return word;
    }

    /** Whether the position is inside a comment or a string, where nothing is completed. */
    boolean inCommentOrString() {
        return inCommentOrString;
    }

    /** Whether only whitespace precedes the word (or position) on its line. */
    boolean atLineStart() {
        return lineStart;
    }

    /** Whether the position is where a key ({@code name:}) of a block or a call's argument goes. */
    boolean atKey() {
        Frame f = inner();
        if (f.kind == FrameKind.CALL) return f.tokens.isEmpty() || f.lastIs(",");
        if (f.kind == FrameKind.BLOCK || f.kind == FrameKind.SPACE) return !f.lastIs(":") && !f.lastIs(".");
        return false;
    }

    /** The parameter a {@code name:} written at the position names, in the innermost call or block. */
    Optional<Param> param(String name) {
        Frame f = inner();
        if (f.kind == FrameKind.SPACE && f.lastIs(".")) return dottedOwner().flatMap(c -> c.param(name));
        if (f.component != null && f.kind != FrameKind.LIST) return f.component.param(name);
        return Optional.empty();
    }

    /**
     * In a search space after {@code HEAD.}, the component whose parameters may follow: the
     * training options for {@code train}, else the component a declared name was given.
     */
    Optional<Component> dottedOwner() {
        Frame f = inner();
        if (f.kind != FrameKind.SPACE || !f.lastIs(".")) return Optional.empty();
        LexToken head = f.last(1);
        return head == null ? Optional.empty() : pathOwner(head.text());
    }

    private Optional<Component> pathOwner(String head) {
        if (head.equals("train")) return registry.statement("train");
        return declarations.find(head).filter(d -> d.component() != null)
                .flatMap(d -> Types.component(registry, d.component(), declaredType(d.kind())));
    }

    /** The component the model of the enclosing {@code search M on D} statement was declared with. */
    private Component searchedModel() {
        List<LexToken> statementTokens = top().tokens;
        if (!"search".equals(statement) || statementTokens.size() < 2) return null;
        return pathOwner(statementTokens.get(1).text()).filter(c -> c.kind() == Kind.MODEL).orElse(null);
    }

    private static Type declaredType(String keyword) {
        Kind kind = DECLARED_COMPONENT.get(keyword);
        return kind == null ? null : new Type.Component(Set.of(kind));
    }

    /** The type of the value written at the position, when it can be told; null otherwise. */
    Type expectedValue() {
        return expectedValue(inner(), 0);
    }

    /**
     * The declaration kinds a bare name at the position may refer to, from the statement's shape
     * ({@code train MODEL on DATASET}); empty where a name is not expected.
     */
    Set<String> expectedDeclarations() {
        Frame f = inner();
        if (f.kind != FrameKind.TOP || statement == null) {
            Type t = expectedValue();
            return t == null ? Set.of() : Types.declarationKinds(t);
        }
        LexToken last = f.last(0);
        if (last == null) return Set.of();
        String text = last.text();
        if (text.equals("on") || text.equals("fit") || (text.equals("split") && f.tokens.size() == 1)) return DATASET_DECLARATIONS;
        if (f.tokens.size() == 1 && ACTS_ON_MODEL.contains(statement)) return MODEL_DECLARATIONS;
        if (statement.equals("evaluate") && text.equals(",") && !containsText(f.tokens, "on")) return MODEL_DECLARATIONS;
        if (statement.equals("distill") && text.equals("->")) return MODEL_DECLARATIONS;
        return Set.of();
    }

    /**
     * The word that joins the parts of the statement at the position, when it comes next:
     * {@code on} after {@code train M}, {@code fit} after the preprocessing steps, {@code to}
     * after {@code save M}, {@code from} after {@code load M}.
     */
    Optional<String> connectingWord() {
        Frame f = inner();
        if (f.kind != FrameKind.TOP || statement == null || f.tokens.size() < 2) return Optional.empty();
        LexToken last = f.last(0);
        boolean afterName = Declarations.isWord(last);
        switch (statement) {
            case "train", "search", "prune", "evaluate", "distill" -> {
                boolean ready = afterName && !containsText(f.tokens, "on") && (!statement.equals("distill") || containsText(f.tokens, "->"));
                return ready ? Optional.of("on") : Optional.empty();
            }
            case "preprocess" -> {
                return last.text().equals(")") && !containsText(f.tokens, "fit") ? Optional.of("fit") : Optional.empty();
            }
            case "save" -> {
                return f.tokens.size() == 2 && afterName ? Optional.of("to") : Optional.empty();
            }
            case "load" -> {
                return f.tokens.size() == 2 && afterName ? Optional.of("from") : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * The value type expected after the last-but-{@code back} token of {@code f} ({@code back} is 1
     * when the last token is a name about to be called).
     */
    private Type expectedValue(Frame f, int back) {
        LexToken last = f.last(back);
        switch (f.kind) {
            case TOP -> {
                if (statement == null || last == null) return null;
                if (last.text().equals("=") && DECLARED_COMPONENT.containsKey(statement))
                    return new Type.Component(Set.of(DECLARED_COMPONENT.get(statement)));
                if (statement.equals("preprocess") && (last.text().equals(",") || last.text().equals("preprocess")))
                    return new Type.Component(Set.of(Kind.PREPROCESSOR));
                if (statement.equals("evaluate") && last.text().equals(":"))
                    return new Type.ListOf(new Type.Component(Set.of(Kind.METRIC)));
                return null;
            }
            case CALL -> {
                if (f.component == null) return null;
                if (last != null && last.text().equals(":")) return keyBefore(f, back).map(Param::type).orElse(null);
                if (last == null || last.text().equals(",")) {
                    List<Param> positional = f.component.positionalParams();
                    int index = commas(f, back);
                    return index < positional.size() ? positional.get(index).type() : null;
                }
                return null;
            }
            case BLOCK -> {
                if (last != null && last.text().equals(":")) return keyBefore(f, back).map(Param::type).orElse(null);
                boolean atKey = last == null || !last.text().equals(".");
                if (atKey && f.component != null && f.component.name().equals("network"))
                    return new Type.Component(Set.of(Kind.LAYER));
                return null;
            }
            case SPACE -> {
                if (last == null || !last.text().equals(":")) return null;
                Type primitives = new Type.Component(Set.of(Kind.SPACE));
                return keyBefore(f, back).map(p -> (Type) new Type.AnyOf(List.of(primitives, new Type.ListOf(p.type()))))
                        .orElse(primitives);
            }
            case LIST -> {
                return last == null || last.text().equals(",") ? f.element : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The parameter named just before the {@code :} that is the last-but-{@code back} token of {@code f}. */
    private Optional<Param> keyBefore(Frame f, int back) {
        LexToken key = f.last(back + 1);
        if (key == null) return Optional.empty();
        LexToken dot = f.last(back + 2);
        if (f.kind == FrameKind.SPACE && dot != null && dot.text().equals(".")) {
            LexToken head = f.last(back + 3);
            return head == null ? Optional.empty() : pathOwner(head.text()).flatMap(c -> c.param(key.text()));
        }
        return f.component == null ? Optional.empty() : f.component.param(key.text());
    }

    private static int commas(Frame f, int back) {
        int n = 0;
        for (int i = 0; i < f.tokens.size() - back; i++) if (f.tokens.get(i).text().equals(",")) n++;
        return n;
    }

    private static boolean containsText(List<LexToken> tokens, String text) {
        for (LexToken t : tokens) if (t.text().equals(text)) return true;
        return false;
    }

    private static boolean onlySpacesBefore(String text, int codePointOffset) {
        int index = text.offsetByCodePoints(0, Math.min(codePointOffset, text.codePointCount(0, text.length())));
        for (int i = index - 1; i >= 0; i--) {
            char ch = text.charAt(i);
            if (ch == '\n') return true;
            if (ch != ' ' && ch != '\t' && ch != '\r') return false;
        }
        return true;
    }
}
