package org.mlopt.schema;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The type of a parameter value. */
public sealed interface Type {

    /** A human description used in messages and docs: "a number", "one of l1, l2, none". */
    String describe();

    record Num(boolean integer) implements Type {
        public String describe() { return integer ? "a whole number" : "a number"; }
    }

    record Bool() implements Type {
        public String describe() { return "true or false"; }
    }

    record Str() implements Type {
        public String describe() { return "a string"; }
    }

    /** A fixed set of bare words: {@code penalty: l2}. */
    record Choice(List<String> values) implements Type {
        public Choice {
            values = List.copyOf(values);
        }

        public String describe() { return "one of " + String.join(", ", values); }
    }

    /** A component of one of the given kinds, written as a call or, without arguments, a bare name. */
    record Component(Set<Kind> kinds) implements Type {
        public Component {
            kinds = Set.copyOf(kinds);
        }

        public String describe() {
            return "a " + kinds.stream().map(Kind::label).sorted().collect(Collectors.joining(" or "));
        }
    }

    /** A name declared earlier in the script, of the given declaration kind ("model", "loss", ...). */
    record Ref(Set<String> declarationKinds) implements Type {
        public Ref {
            declarationKinds = Set.copyOf(declarationKinds);
        }

        public String describe() {
            return "the name of a " + declarationKinds.stream().sorted().collect(Collectors.joining(" or "));
        }
    }

    record ListOf(Type element) implements Type {
        public String describe() { return "a list of " + element.describe().replaceFirst("^an? ", "") + "s"; }
    }

    /** A nested block {@code { ... }} checked against an option-group schema. */
    record Group(String schemaName) implements Type {
        public String describe() { return "a { ... } block of " + schemaName + " settings"; }
    }

    /** Any of several types (e.g. a number or a component: {@code cv: 5} or {@code cv: stratified(5)}). */
    record AnyOf(List<Type> options) implements Type {
        public AnyOf {
            options = List.copyOf(options);
        }

        public String describe() {
            return options.stream().map(Type::describe).collect(Collectors.joining(" or "));
        }
    }

    static Type number() { return new Num(false); }
    static Type integer() { return new Num(true); }
    static Type bool() { return new Bool(); }
    static Type string() { return new Str(); }
    static Type choice(String... values) { return new Choice(List.of(values)); }
    static Type component(Kind... kinds) { return new Component(Set.of(kinds)); }
    static Type ref(String... declarationKinds) { return new Ref(Set.of(declarationKinds)); }
    static Type listOf(Type element) { return new ListOf(element); }
    static Type group(String schemaName) { return new Group(schemaName); }
    static Type anyOf(Type... options) { return new AnyOf(List.of(options)); }
}
