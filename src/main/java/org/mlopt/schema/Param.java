package org.mlopt.schema;

/**
 * One parameter of a component. {@code defaultValue} is a Double, Boolean, String (for strings
 * and choices) or null when there is no default. {@code positional} parameters may be given
 * without their name, in declaration order ({@code dense(64, relu)}, {@code l2(1e-4)}).
 */
public record Param(String name, Type type, Object defaultValue, Range range, boolean required, boolean positional,
                    String doc) {

    public static Builder of(String name, Type type) {
        return new Builder(name, type);
    }

    /** Fluent construction keeps the catalog readable. */
    public static final class Builder {
        private final String name;
        private final Type type;
        private Object defaultValue;
        private Range range;
        private boolean required;
        private boolean positional;

        private Builder(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        public Builder defaultValue(Object value) {
            this.defaultValue = value instanceof Number n ? (Object) n.doubleValue() : value;
            return this;
        }

        public Builder range(Range range) {
            this.range = range;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder positional() {
            this.positional = true;
            return this;
        }

        public Param doc(String doc) {
            return new Param(name, type, defaultValue, range, required, positional, doc);
        }
    }
}
