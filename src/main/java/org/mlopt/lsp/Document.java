package org.mlopt.lsp;

import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One version of an open script. Immutable; its tokens, parse and declarations are computed on
 * first use, so a version replaced before anyone asks costs nothing.
 */
final class Document {

    private final String uri;
    private final int version;
    private final String text;
    private List<LexToken> tokens;
    private ParseResult parse;
    private Declarations declarations;
    private LineIndex lines;

    Document(String uri, int version, String text) {
        this.uri = uri;
        this.version = version;
        this.text = text;
    }

    String uri() { return uri; }

    int version() { return version; }

    String text() { return text; }

    synchronized List<LexToken> tokens() {
        if (tokens == null) tokens = Lexing.tokens(text);
        return tokens;
    }

    synchronized ParseResult parse() {
        if (parse == null) parse = ScriptParser.parse(sourceName(), text);
        return parse;
    }

    synchronized Declarations declarations() {
        if (declarations == null) declarations = Declarations.scan(text, tokens());
        return declarations;
    }

    synchronized LineIndex lines() {
        if (lines == null) lines = new LineIndex(text);
        return lines;
    }

    /** The file name diagnostics and the formatter report: the last segment of the URI. */
    String sourceName() {
        String path = URI.create(uri).getPath();
        if (path == null || path.isEmpty()) return uri;
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /** The script's folder, against which data paths resolve; null for documents not on disk. */
    Path baseDir() {
        try {
            URI parsed = URI.create(uri);
            if (!"file".equals(parsed.getScheme())) return null;
            return Path.of(parsed).getParent();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
