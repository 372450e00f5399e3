package org.mlopt.ast;

import java.util.List;

/** A value in a script: literals, names, component calls, lists and nested blocks. */
public sealed interface Expr extends Node
        permits Expr.NumberLit, Expr.StringLit, Expr.BoolLit, Expr.Ref, Expr.Call, Expr.ListLit, Expr.BlockLit {

    <R> R accept(Visitor<R> visitor);

    /** A number; {@code text} keeps the spelling so printers can reproduce it. */
    record NumberLit(double value, String text, Span span) implements Expr {
        public boolean isInteger() {
            return value == Math.rint(value) && !Double.isInfinite(value)
                    && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }

        public <R> R accept(Visitor<R> v) { return v.visitNumber(this); }
    }

    /** A string with its escapes already decoded. */
    record StringLit(String value, Span span) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitString(this); }
    }

    record BoolLit(boolean value, Span span) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitBool(this); }
    }

    /** A name or path used as a value: {@code relu}, {@code ce}, {@code opt.lr}. */
    record Ref(Path path, Span span) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitRef(this); }
    }

    /** A component call: {@code adam(lr: 1e-3)}, {@code dense(256, relu)}. */
    record Call(Name callee, List<Arg> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        public <R> R accept(Visitor<R> v) { return v.visitCall(this); }
    }

    /** A call argument; {@code name} is null for a positional argument. */
    record Arg(Name name, Expr value, Span span) implements Node {
        public boolean positional() {
            return name == null;
        }
    }

    record ListLit(List<Expr> items, Span span) implements Expr {
        public ListLit {
            items = List.copyOf(items);
        }

        public <R> R accept(Visitor<R> v) { return v.visitList(this); }
    }

    record BlockLit(Block block, Span span) implements Expr {
        public <R> R accept(Visitor<R> v) { return v.visitBlock(this); }
    }

    interface Visitor<R> {
        R visitNumber(NumberLit n);
        R visitString(StringLit s);
        R visitBool(BoolLit b);
        R visitRef(Ref r);
        R visitCall(Call c);
        R visitList(ListLit l);
        R visitBlock(BlockLit b);
    }
}
