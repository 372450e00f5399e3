package org.mlopt.parse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexingTest {

    @Test
    void tokensCoverTheWholeTextIncludingCommentsAndWhitespace() {
        String text = "train net on d {  # go\n  epochs: 1_0, lr: -1e-3 name: \"a\\\"b\" ok: true }\n";
        List<LexToken> tokens = Lexing.tokens(text);
        assertEquals(text, tokens.stream().map(LexToken::text).collect(Collectors.joining()));
        for (LexToken t : tokens) assertEquals(t.text(), text.substring(t.start(), t.end()));
    }

    @Test
    void classifiesTokens() {
        assertEquals(List.of(
                "KEYWORD train", "IDENT net", "KEYWORD on", "IDENT d", "PUNCTUATION {", "COMMENT # go",
                "IDENT epochs", "PUNCTUATION :", "NUMBER 1_0", "PUNCTUATION ,", "IDENT lr", "PUNCTUATION :",
                "PUNCTUATION -", "NUMBER 1e-3", "IDENT name", "PUNCTUATION :", "STRING \"a\\\"b\"",
                "IDENT ok", "PUNCTUATION :", "BOOLEAN true", "PUNCTUATION }", "ERROR ;"),
                kinds("train net on d {  # go\n  epochs: 1_0, lr: -1e-3 name: \"a\\\"b\" ok: true };"));
    }

    @Test
    void keywordsUsedAsNamesAreIdentifiers() {
        assertEquals(List.of("KEYWORD train", "IDENT m", "KEYWORD on", "IDENT train", "PUNCTUATION {", "IDENT loss",
                "PUNCTUATION :", "IDENT ce", "IDENT optimizer", "PUNCTUATION :", "IDENT adam", "PUNCTUATION (",
                "PUNCTUATION )", "IDENT train", "PUNCTUATION .", "IDENT epochs", "PUNCTUATION :", "NUMBER 3",
                "PUNCTUATION }"),
                kinds("train m on train { loss: ce optimizer: adam() train.epochs: 3 }"));
    }

    @Test
    void positionsAreOneBasedLinesAndColumns() {
        LexToken comment = Lexing.tokens("data d = x()\n  # note").stream()
                .filter(t -> t.kind() == TokenKind.COMMENT).findFirst().orElseThrow();
        assertEquals(2, comment.span().line());
        assertEquals(3, comment.span().column());
        assertEquals(15, comment.start());
    }

    @Test
    void unterminatedStringIsAnError() {
        assertEquals(List.of("KEYWORD save", "IDENT m", "KEYWORD to", "ERROR \"oops"), kinds("save m to \"oops"));
    }

    @Test
    void keywordsComeFromTheLexerVocabulary() {
        List<String> keywords = Lexing.keywords();
        for (String k : List.of("data", "split", "preprocess", "fit", "model", "network", "loss", "optimizer",
                "regularizer", "schedule", "train", "on", "evaluate", "search", "prune", "distill", "save", "to",
                "load", "from", "report", "space"))
            assertTrue(keywords.contains(k), k);
        assertFalse(keywords.contains("true"));
        assertFalse(keywords.contains("->"));
        assertEquals(22, keywords.size());
    }

    @Test
    void statementKeywordsAreTheWordsAStatementStartsWith() {
        assertEquals(List.of("data", "distill", "evaluate", "load", "loss", "model", "network", "optimizer",
                "preprocess", "prune", "regularizer", "report", "save", "schedule", "search", "split", "train"),
                Lexing.statementKeywords());
    }

    @Test
    void completeInputs() {
        for (String text : List.of("", "   # just a comment", "train m on d", "train m on d { epochs: 3 }",
                "model m = ridge(alpha: 1)", "model m = ridge())", "report { }", "data d = csv(\"a{b\")"))
            assertTrue(Lexing.isComplete(text), text);
    }

    @Test
    void incompleteInputsNeedAContinuationLine() {
        for (String text : List.of("train m on d {", "train m on d { early_stop: {", "model m = ridge(",
                "evaluate m on test: [accuracy,", "split d ->", "split d -> train:", "data d =",
                "evaluate a,", "model m = ridge(alpha: 1, # more to come", "network n {\n  dense(3)\n"))
            assertFalse(Lexing.isComplete(text), text);
    }

    private static List<String> kinds(String text) {
        return Lexing.tokens(text).stream().filter(t -> t.kind() != TokenKind.WHITESPACE)
                .map(t -> t.kind() + " " + t.text()).toList();
    }
}
