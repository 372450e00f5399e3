package org.mlopt.ast;

import java.util.List;
import java.util.stream.Collectors;

/** A dotted, optionally indexed reference such as {@code opt.lr} or {@code student.dense[0]}. */
public record Path(List<Segment> segments, Span span) implements Node {

    public Path {
        segments = List.copyOf(segments);
    }

    /** One step of a path: a name and an optional index ({@code dense[0]}). */
    public record Segment(Name name, Integer index, Span span) implements Node {
        public boolean indexed() {
            return index != null;
        }

        @Override
        public String toString() {
            return index == null ? name.text() : name.text() + "[" + index + "]";
        }
    }

    public boolean isSimple() {
        return segments.size() == 1 && !segments.get(0).indexed();
    }

    public Name head() {
        return segments.get(0).name();
    }

    @Override
    public String toString() {
        return segments.stream().map(Segment::toString).collect(Collectors.joining("."));
    }
}
