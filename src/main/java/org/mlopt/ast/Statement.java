package org.mlopt.ast;

import java.util.List;
import java.util.Optional;

/**
 * A top-level statement. Declarations bind a name ({@link #declared()}); actions use names.
 * {@code keyword} is the statement's leading word as it appears in the source.
 */
public sealed interface Statement extends Node {

    String keyword();

    /** The name this statement declares, if it declares one. */
    default Optional<Name> declared() {
        return Optional.empty();
    }

    <R> R accept(Visitor<R> visitor);

    /** {@code data NAME = source(...)}. */
    record Data(Name name, Expr.Call source, Span span) implements Statement {
        public String keyword() { return "data"; }
        public Optional<Name> declared() { return Optional.of(name); }
        public <R> R accept(Visitor<R> v) { return v.visitData(this); }
    }

    /** {@code split DATASET -> train: 0.75, test: 0.25 { options }}; each part declares a name. */
    record Split(Name dataset, List<SplitPart> parts, Optional<Block> options, Span span) implements Statement {
        public Split {
            parts = List.copyOf(parts);
        }

        public String keyword() { return "split"; }
        public <R> R accept(Visitor<R> v) { return v.visitSplit(this); }
    }

    record SplitPart(Name name, Expr fraction, Span span) implements Node {}

    /** {@code preprocess standardize(), impute() fit train}. */
    record Preprocess(List<Expr.Call> steps, Name fitOn, Span span) implements Statement {
        public Preprocess {
            steps = List.copyOf(steps);
        }

        public String keyword() { return "preprocess"; }
        public <R> R accept(Visitor<R> v) { return v.visitPreprocess(this); }
    }

    /** {@code model NAME = logistic_regression(...)}. */
    record Model(Name name, Expr.Call spec, Span span) implements Statement {
        public String keyword() { return "model"; }
        public Optional<Name> declared() { return Optional.of(name); }
        public <R> R accept(Visitor<R> v) { return v.visitModel(this); }
    }

    /** {@code network NAME { dense(64, relu) ... init: he }}. */
    record Network(Name name, Block body, Span span) implements Statement {
        public String keyword() { return "network"; }
        public Optional<Name> declared() { return Optional.of(name); }
        public <R> R accept(Visitor<R> v) { return v.visitNetwork(this); }
    }

    /** {@code loss|optimizer|regularizer|schedule NAME = component(...)}. */
    record Decl(DeclKind kind, Name name, Expr.Call spec, Span span) implements Statement {
        public String keyword() { return kind.keyword(); }
        public Optional<Name> declared() { return Optional.of(name); }
        public <R> R accept(Visitor<R> v) { return v.visitDecl(this); }
    }

    enum DeclKind {
        LOSS("loss"), OPTIMIZER("optimizer"), REGULARIZER("regularizer"), SCHEDULE("schedule");

        private final String keyword;

        DeclKind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }

        public static DeclKind of(String keyword) {
            for (DeclKind k : values()) if (k.keyword.equals(keyword)) return k;
            throw new IllegalArgumentException(keyword);
        }
    }

    /** {@code train MODEL on DATASET { ... }}. */
    record Train(Name target, Name dataset, Optional<Block> options, Span span) implements Statement {
        public String keyword() { return "train"; }
        public <R> R accept(Visitor<R> v) { return v.visitTrain(this); }
    }

    /** {@code evaluate A, B on DATASET: [accuracy, f1(average: macro)]}. */
    record Evaluate(List<Name> targets, Name dataset, Expr metrics, Span span) implements Statement {
        public Evaluate {
            targets = List.copyOf(targets);
        }

        public String keyword() { return "evaluate"; }
        public <R> R accept(Visitor<R> v) { return v.visitEvaluate(this); }
    }

    /** {@code search MODEL on DATASET { space { ... } strategy: ... cv: ... }}. */
    record Search(Name target, Name dataset, Block options, Span span) implements Statement {
        public String keyword() { return "search"; }
        public <R> R accept(Visitor<R> v) { return v.visitSearch(this); }
    }

    /** {@code prune MODEL [on DATASET] { method: ... schedule: ... finetune: { ... } }}. */
    record Prune(Name target, Optional<Name> dataset, Block options, Span span) implements Statement {
        public String keyword() { return "prune"; }
        public <R> R accept(Visitor<R> v) { return v.visitPrune(this); }
    }

    /** {@code distill TEACHER -> STUDENT on DATASET { temperature: 2 alpha: 0.5 ... }}. */
    record Distill(Name teacher, Name student, Name dataset, Block options, Span span) implements Statement {
        public String keyword() { return "distill"; }
        public <R> R accept(Visitor<R> v) { return v.visitDistill(this); }
    }

    /** {@code save MODEL to "path"}. */
    record Save(Name target, Expr.StringLit path, Span span) implements Statement {
        public String keyword() { return "save"; }
        public <R> R accept(Visitor<R> v) { return v.visitSave(this); }
    }

    /** {@code load NAME from "path"}: declares a model restored from a saved file. */
    record Load(Name name, Expr.StringLit path, Span span) implements Statement {
        public String keyword() { return "load"; }
        public Optional<Name> declared() { return Optional.of(name); }
        public <R> R accept(Visitor<R> v) { return v.visitLoad(this); }
    }

    /** {@code report { ... }}. */
    record Report(Optional<Block> options, Span span) implements Statement {
        public String keyword() { return "report"; }
        public <R> R accept(Visitor<R> v) { return v.visitReport(this); }
    }

    interface Visitor<R> {
        R visitData(Data s);
        R visitSplit(Split s);
        R visitPreprocess(Preprocess s);
        R visitModel(Model s);
        R visitNetwork(Network s);
        R visitDecl(Decl s);
        R visitTrain(Train s);
        R visitEvaluate(Evaluate s);
        R visitSearch(Search s);
        R visitPrune(Prune s);
        R visitDistill(Distill s);
        R visitSave(Save s);
        R visitLoad(Load s);
        R visitReport(Report s);
    }
}
