package org.mlopt.parse;

/** What a token is, as highlighters and the formatter see it. */
public enum TokenKind {
    /** A reserved word used as one ({@code train}, {@code on}); the same word used as a name is {@link #IDENT}. */
    KEYWORD,
    IDENT,
    NUMBER,
    STRING,
    BOOLEAN,
    /** A {@code #} comment up to the end of its line, without the line break. */
    COMMENT,
    PUNCTUATION,
    WHITESPACE,
    /** A character the language does not know, or a string missing its closing quote. */
    ERROR
}
