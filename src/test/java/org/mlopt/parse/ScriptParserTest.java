package org.mlopt.parse;

import org.junit.jupiter.api.Test;
import org.mlopt.ast.AstPrinter;
import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Path;
import org.mlopt.ast.Program;
import org.mlopt.ast.Span;
import org.mlopt.ast.Statement;
import org.mlopt.diag.Diagnostic;
import org.mlopt.diag.ErrorCode;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The surface syntax: literals, comments, blocks, lists, arguments, paths, and syntax errors with their codes and spans. */
class ScriptParserTest {

    // ---- values -------------------------------------------------------------------------

    @Test
    void numbersWithExponentsUnderscoresAndSigns() {
        List<Expr.Arg> args = call("model m = f(a: 10_000, b: 1e-4, c: -2.5E+3, d: .5, e: 3., f: -7, g: 1_000.000_1)").args();
        assertNumber(args.get(0), 10000, "10_000", true);
        assertNumber(args.get(1), 1e-4, "1e-4", false);
        assertNumber(args.get(2), -2500, "-2.5E+3", false);
        assertNumber(args.get(3), 0.5, ".5", false);
        assertNumber(args.get(4), 3, "3.", false);
        assertNumber(args.get(5), -7, "-7", true);
        assertNumber(args.get(6), 1000.0001, "1_000.000_1", false);
    }

    @Test
    void negativeNumberSpanCoversTheSign() {
        Expr.Arg arg = call("model m = f(x: -2.5)").args().get(0);
        assertSpan(arg.value().span(), 1, 16, 1, 19);
    }

    @Test
    void stringEscapesAreDecoded() {
        List<Expr.Arg> args = call("data d = csv(\"a\\nb\", x: \"say \\\"hi\\\"\", y: \"caf\\u00e9\", z: \"tab\\there\\\\\")").args();
        assertEquals("a\nb", ((Expr.StringLit) args.get(0).value()).value());
        assertEquals("say \"hi\"", ((Expr.StringLit) args.get(1).value()).value());
        assertEquals("café", ((Expr.StringLit) args.get(2).value()).value());
        assertEquals("tab\there\\", ((Expr.StringLit) args.get(3).value()).value());
    }

    @Test
    void booleansAndNamesAreDistinct() {
        List<Expr.Arg> args = call("model m = f(a: true, b: false, c: truely)").args();
        assertEquals(true, ((Expr.BoolLit) args.get(0).value()).value());
        assertEquals(false, ((Expr.BoolLit) args.get(1).value()).value());
        assertEquals("truely", ((Expr.Ref) args.get(2).value()).path().toString());
    }

    // ---- comments and layout --------------------------------------------------------------

    @Test
    void commentsAreIgnoredWhereverTheyAppear() {
        Program p = parse("""
                # a whole-line comment
                model m = ridge(   # after an opening parenthesis
                  alpha: 0.5       # after an argument
                )                  # after a statement
                train m on d {
                  # inside a block
                  epochs: 3
                } # end
                """);
        assertEquals(2, p.statements().size());
        assertEquals("(model m (call ridge alpha=0.5))\n(train m on d\n  (block\n    (entry epochs 3)))\n",
                AstPrinter.print(p, false));
    }

    @Test
    void aHashInsideAStringIsNotAComment() {
        assertEquals("a#b", ((Expr.StringLit) call("data d = csv(\"a#b\")").args().get(0).value()).value());
    }

    @Test
    void blockEntriesMaySitOnOneLineWithOrWithoutCommas() {
        Program a = parse("train m on d { epochs: 3 batch: 16 }");
        Program b = parse("train m on d { epochs: 3, batch: 16, }");
        Program c = parse("train m on d {\n  epochs: 3\n  batch: 16\n}");
        String expected = "(train m on d\n  (block\n    (entry epochs 3)\n    (entry batch 16)))\n";
        assertEquals(expected, AstPrinter.print(a, false));
        assertEquals(expected, AstPrinter.print(b, false));
        assertEquals(expected, AstPrinter.print(c, false));
    }

    // ---- blocks, lists, arguments, paths -------------------------------------------------

    @Test
    void nestedBlocks() {
        Statement.Prune prune = (Statement.Prune) parse("""
                prune net on train {
                  method: magnitude(0.8)
                  finetune: { epochs: 5, early_stop: { metric: val_loss, patience: 2 } }
                }
                """).statements().get(0);
        assertEquals("train", prune.dataset().orElseThrow().text());
        Block finetune = ((Expr.BlockLit) prune.options().get("finetune").orElseThrow().value()).block();
        Block earlyStop = ((Expr.BlockLit) finetune.get("early_stop").orElseThrow().value()).block();
        assertEquals("2", ((Expr.NumberLit) earlyStop.get("patience").orElseThrow().value()).text());
        assertEquals("val_loss", ((Expr.Ref) earlyStop.get("metric").orElseThrow().value()).path().toString());
        assertSpan(earlyStop.span(), 3, 38, 3, 70);
    }

    @Test
    void networkBodyMixesLayersAndSettings() {
        Statement.Network net = (Statement.Network) parse("network n { dense(64, relu) dropout(0.2) dense(10) init: he }")
                .statements().get(0);
        assertEquals(List.of("dense", "dropout", "dense"),
                net.body().bareCalls().stream().map(c -> c.callee().text()).toList());
        assertEquals("he", ((Expr.Ref) net.body().get("init").orElseThrow().value()).path().toString());
    }

    @Test
    void listsNestAndAllowATrailingCommaAndEmptiness() {
        Expr.ListLit list = (Expr.ListLit) ((Statement.Evaluate) parse("evaluate m on test: [accuracy, f1(average: macro), [1, 2,], [],]")
                .statements().get(0)).metrics();
        assertEquals(4, list.items().size());
        assertInstanceOf(Expr.Ref.class, list.items().get(0));
        assertInstanceOf(Expr.Call.class, list.items().get(1));
        assertEquals(2, ((Expr.ListLit) list.items().get(2)).items().size());
        assertTrue(((Expr.ListLit) list.items().get(3)).items().isEmpty());
    }

    @Test
    void positionalArgumentsBeforeNamedOnesKeepTheirOrder() {
        Expr.Call dense = call("model m = dense(64, leaky_relu(slope: 0.1), bias: false,)");
        assertEquals(3, dense.args().size());
        assertTrue(dense.args().get(0).positional());
        assertTrue(dense.args().get(1).positional());
        assertFalse(dense.args().get(2).positional());
        assertNull(dense.args().get(0).name());
        assertEquals("bias", dense.args().get(2).name().text());
        Expr.Call activation = (Expr.Call) dense.args().get(1).value();
        assertEquals("leaky_relu", activation.callee().text());
        assertSpan(activation.span(), 1, 21, 1, 42);
    }

    @Test
    void pathsWithIndexesInASearchSpace() {
        Statement.Search search = (Statement.Search) parse("""
                search net on train {
                  space {
                    C: [1, 10]
                    opt.lr: loguniform(1e-4, 1e-1)
                    student.dense[0].units: choice(8, 16)
                    net.dense[1_0]: [4]
                  }
                }
                """).statements().get(0);
        List<Block.Keyed> keys = search.options().space().orElseThrow().block().keyed();
        assertTrue(keys.get(0).key().isSimple());
        assertEquals("opt.lr", keys.get(1).key().toString());
        Path indexed = keys.get(2).key();
        assertEquals("student.dense[0].units", indexed.toString());
        assertEquals(3, indexed.segments().size());
        assertEquals(0, indexed.segments().get(1).index());
        assertFalse(indexed.segments().get(0).indexed());
        assertSpan(indexed.span(), 5, 5, 5, 26);
        assertEquals(10, keys.get(3).key().segments().get(1).index());
    }

    @Test
    void keywordsAreOrdinaryNamesInsideBlocksAndCalls() {
        Statement.Train train = (Statement.Train) parse("train model on data { loss: loss, optimizer: optimizer(lr: 1) }")
                .statements().get(0);
        assertEquals("model", train.target().text());
        assertEquals("data", train.dataset().text());
        assertEquals("loss", ((Expr.Ref) train.options().orElseThrow().get("loss").orElseThrow().value()).path().toString());
    }

    @Test
    void everyStatementFormParses() {
        Program p = parse("""
                data d = csv("x.csv")
                split d -> train: 0.6, valid: 0.2, test: 0.2
                preprocess standardize(), impute(strategy: median) fit train
                model m = ridge()
                network n { dense(1) }
                loss l = mse()
                optimizer o = sgd(0.1)
                regularizer r = l2(1e-4)
                schedule s = step(10)
                train n on train { loss: l, optimizer: o }
                evaluate m, n on test: r2
                search m on train { space { alpha: [1, 2] } }
                prune n { method: neurons(0.5) }
                distill n -> n on train { temperature: 2 }
                save n to "n.mlm"
                load n2 from "n.mlm"
                report
                report { file: "r.html" }
                """);
        assertEquals(List.of("data", "split", "preprocess", "model", "network", "loss", "optimizer", "regularizer",
                        "schedule", "train", "evaluate", "search", "prune", "distill", "save", "load", "report", "report"),
                p.statements().stream().map(Statement::keyword).toList());
        assertTrue(((Statement.Prune) p.statements().get(12)).dataset().isEmpty());
        assertTrue(((Statement.Report) p.statements().get(16)).options().isEmpty());
    }

    // ---- syntax errors --------------------------------------------------------------------

    @Test
    void missingClosingBraceIsReportedAtTheEndOfTheFile() {
        List<Diagnostic> ds = errors("network n {\n  dense(64, relu)\n");
        assertEquals(1, ds.size());
        assertEquals(ErrorCode.E101, ds.get(0).code());
        assertSpan(ds.get(0).span(), 3, 1, 3, 1);
        assertTrue(ds.get(0).notes().stream().anyMatch(n -> n.contains("'{'")), ds.get(0).notes().toString());
    }

    @Test
    void equalsSignInsteadOfColonPointsAtTheEqualsSign() {
        List<Diagnostic> ds = errors("train m on d { epochs = 5 }");
        assertEquals(1, ds.size());
        assertEquals(ErrorCode.E101, ds.get(0).code());
        assertSpan(ds.get(0).span(), 1, 23, 1, 23);
        assertTrue(ds.get(0).notes().stream().anyMatch(n -> n.contains("name: value")), ds.get(0).notes().toString());

        List<Diagnostic> inCall = errors("model m = ridge(alpha = 1)");
        assertEquals(List.of(ErrorCode.E101), codes(inCall));
        assertSpan(inCall.get(0).span(), 1, 23, 1, 23);
    }

    @Test
    void straySemicolonIsAnUnexpectedCharacter() {
        List<Diagnostic> ds = errors("data d = csv(\"x.csv\");\nmodel m = ridge()\n");
        assertEquals(List.of(ErrorCode.E102), codes(ds));
        assertSpan(ds.get(0).span(), 1, 22, 1, 22);
        assertEquals(21, ds.get(0).span().startOffset());
    }

    @Test
    void unterminatedStringSpansToTheEndOfItsLine() {
        List<Diagnostic> ds = errors("data d = csv(\"x.csv)\nmodel m = ridge()\n");
        assertEquals(ErrorCode.E103, ds.get(0).code());
        assertSpan(ds.get(0).span(), 1, 14, 1, 20);
    }

    @Test
    void numbersTooLargeAndFractionalIndexesAreInvalidNumbers() {
        List<Diagnostic> big = errors("model m = ridge(alpha: 1e400)");
        assertEquals(List.of(ErrorCode.E104), codes(big));
        assertSpan(big.get(0).span(), 1, 24, 1, 28);

        List<Diagnostic> index = errors("search m on d { space { net.dense[1.5]: [1] } }");
        assertEquals(List.of(ErrorCode.E104), codes(index));
        assertSpan(index.get(0).span(), 1, 35, 1, 37);
    }

    @Test
    void severalErrorsAreReportedAtOnceInSourceOrder() {
        List<Diagnostic> ds = errors("""
                data d = csv("a.csv";
                model m = ridge(alpha = 1)
                train m on d { epochs: 5
                """);
        assertEquals(List.of(ErrorCode.E102, ErrorCode.E101, ErrorCode.E101), codes(ds));
        assertSpan(ds.get(0).span(), 1, 21, 1, 21);
        assertSpan(ds.get(1).span(), 2, 23, 2, 23);
        assertSpan(ds.get(2).span(), 4, 1, 4, 1);
    }

    @Test
    void aFailedParseHasNoProgram() {
        ParseResult r = ScriptParser.parse("t.mlopt", "model m = ridge(");
        assertFalse(r.ok());
        assertNull(r.program());
        assertTrue(r.diagnostics().hasErrors());
    }

    // ---- helpers -------------------------------------------------------------------------

    private static Program parse(String text) {
        ParseResult r = ScriptParser.parse("t.mlopt", text);
        assertTrue(r.ok(), () -> "unexpected diagnostics:\n" + r.diagnostics().sorted().stream()
                .map(d -> d.span() + " " + d.code() + " " + d.message()).collect(Collectors.joining("\n")));
        return r.program();
    }

    /** The component call of a one-statement {@code model}/{@code data} script. */
    private static Expr.Call call(String text) {
        Statement s = parse(text).statements().get(0);
        if (s instanceof Statement.Model m) return m.spec();
        return ((Statement.Data) s).source();
    }

    private static List<Diagnostic> errors(String text) {
        ParseResult r = ScriptParser.parse("t.mlopt", text);
        assertFalse(r.ok(), "expected syntax errors");
        return r.diagnostics().sorted();
    }

    private static List<ErrorCode> codes(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::code).toList();
    }

    private static void assertNumber(Expr.Arg arg, double value, String text, boolean integer) {
        Expr.NumberLit n = (Expr.NumberLit) arg.value();
        assertEquals(value, n.value(), 1e-12, text);
        assertEquals(text, n.text());
        assertEquals(integer, n.isInteger(), text);
    }

    private static void assertSpan(Span span, int line, int column, int endLine, int endColumn) {
        assertEquals(line + ":" + column + "-" + endLine + ":" + endColumn, span.toString());
    }
}
