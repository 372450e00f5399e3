package org.mlopt.schema;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schema of one component the language names: its kind, parameters and documentation.
 * {@code tasks} lists the tasks it fits (empty: any). {@code status} says whether the runtime
 * implements it yet; the checker rejects a planned component with a clear message.
 */
public record Component(Kind kind, String name, String doc, List<Param> params, Set<Task> tasks, Status status) {

    public Component {
        params = List.copyOf(params);
        tasks = Set.copyOf(tasks);
    }

    public enum Status { AVAILABLE, PLANNED }

    public Optional<Param> param(String name) {
        for (Param p : params) if (p.name().equals(name)) return Optional.of(p);
        return Optional.empty();
    }

    public List<Param> positionalParams() {
        return params.stream().filter(Param::positional).toList();
    }

    public boolean fits(Task task) {
        return tasks.isEmpty() || tasks.contains(task);
    }

    public static Builder of(Kind kind, String name, String doc) {
        return new Builder(kind, name, doc);
    }

    public static final class Builder {
        private final Kind kind;
        private final String name;
        private final String doc;
        private final java.util.ArrayList<Param> params = new java.util.ArrayList<>();
        private Set<Task> tasks = Set.of();
        private Status status = Status.AVAILABLE;

        private Builder(Kind kind, String name, String doc) {
            this.kind = kind;
            this.name = name;
            this.doc = doc;
        }

        public Builder param(Param p) {
            params.add(p);
            return this;
        }

        public Builder tasks(Task... tasks) {
            this.tasks = Set.of(tasks);
            return this;
        }

        public Builder planned() {
            this.status = Status.PLANNED;
            return this;
        }

        public Component build() {
            return new Component(kind, name, doc, params, tasks, status);
        }
    }
}
