package org.mlopt.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The values one dimension of a search space can take. Values are {@link Double} (integers too),
 * {@link String} (words such as {@code l2}) or {@link Boolean}.
 */
public sealed interface Domain
        permits Domain.GridValues, Domain.Choice, Domain.Uniform, Domain.LogUniform, Domain.RandInt, Domain.QUniform {

    /** Whether a grid can list every value. */
    boolean enumerable();

    /** Every value, for enumerable domains; throws for continuous ones. */
    List<Object> values();

    /** One value drawn from the domain (uniformly, on a log scale for {@link LogUniform}). */
    Object sample(SplittableRandom random);

    /** Source text as in a script's space block. */
    String describe();

    /** A list literal: grid values (a random search draws them uniformly). */
    record GridValues(List<Object> items) implements Domain {
        public GridValues {
            items = List.copyOf(items);
            if (items.isEmpty()) throw new IllegalArgumentException("a grid list needs at least one value");
        }

        public boolean enumerable() { return true; }

        public List<Object> values() { return items; }

        public Object sample(SplittableRandom random) { return items.get(random.nextInt(items.size())); }

        public String describe() { return "[" + ConfigValues.join(items) + "]"; }
    }

    /** {@code choice(a, b, ...)}: categorical values. */
    record Choice(List<Object> options) implements Domain {
        public Choice {
            options = List.copyOf(options);
            if (options.isEmpty()) throw new IllegalArgumentException("choice needs at least one value");
        }

        public boolean enumerable() { return true; }

        public List<Object> values() { return options; }

        public Object sample(SplittableRandom random) { return options.get(random.nextInt(options.size())); }

        public String describe() { return "choice(" + ConfigValues.join(options) + ")"; }
    }

    /** {@code uniform(low, high)}: a real number in [low, high). */
    record Uniform(double low, double high) implements Domain {
        public Uniform {
            if (!(low < high)) throw new IllegalArgumentException("uniform needs low < high, got " + low + ", " + high);
        }

        public boolean enumerable() { return false; }

        public List<Object> values() { throw notEnumerable(describe()); }

        public Object sample(SplittableRandom random) { return low + (high - low) * random.nextDouble(); }

        public String describe() { return "uniform(" + ConfigValues.format(low) + ", " + ConfigValues.format(high) + ")"; }
    }

    /** {@code loguniform(low, high)}: a real number whose logarithm is uniform; {@code 0 < low < high}. */
    record LogUniform(double low, double high) implements Domain {
        public LogUniform {
            if (!(low > 0 && low < high))
                throw new IllegalArgumentException("loguniform needs 0 < low < high, got " + low + ", " + high);
        }

        public boolean enumerable() { return false; }

        public List<Object> values() { throw notEnumerable(describe()); }

        public Object sample(SplittableRandom random) {
            return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble());
        }

        public String describe() { return "loguniform(" + ConfigValues.format(low) + ", " + ConfigValues.format(high) + ")"; }
    }

    /**
     * {@code randint(low, high)}: an integer in [low, high) — the high end is exclusive, as in
     * NumPy's {@code randint} and SciPy's {@code randint(low, high)} that scikit-learn users pass.
     */
    record RandInt(long low, long high) implements Domain {
        public RandInt {
            if (!(low < high)) throw new IllegalArgumentException("randint needs low < high, got " + low + ", " + high);
        }

        public boolean enumerable() { return false; }

        public List<Object> values() { throw notEnumerable(describe()); }

        public Object sample(SplittableRandom random) { return (double) random.nextLong(low, high); }

        public String describe() { return "randint(" + low + ", " + high + ")"; }
    }

    /**
     * {@code quniform(low, high, q)}: draws are {@code round(uniform(low, high) / q) * q}, as in
     * hyperopt; a grid lists {@code low + k q} up to high, as the planner enumerates it. The two
     * sets agree when low is a multiple of q.
     */
    record QUniform(double low, double high, double q) implements Domain {
        public QUniform {
            if (!(low < high) || !(q > 0))
                throw new IllegalArgumentException("quniform needs low < high and q > 0, got " + low + ", " + high + ", " + q);
        }

        /** Number of grid steps above low. */
        public long steps() {
            return (long) Math.floor((high - low) / q + 1e-9);
        }

        /** The k-th grid value {@code low + k q}. */
        public double value(long k) {
            return tidy(low + k * q);
        }

        /** {@code x} rounded to the nearest multiple of q. */
        public double round(double x) {
            return tidy(Math.round(x / q) * q);
        }

        /** Removes binary noise so that 3 * 0.1 reads 0.3. */
        private static double tidy(double v) {
            double r = Math.round(v * 1e12) / 1e12;
            return Math.abs(r - v) < 1e-9 * Math.max(1, Math.abs(v)) ? r : v;
        }

        public boolean enumerable() { return true; }

        public List<Object> values() {
            List<Object> out = new ArrayList<>();
            for (long k = 0; k <= steps(); k++) out.add(value(k));
            return out;
        }

        public Object sample(SplittableRandom random) { return round(low + (high - low) * random.nextDouble()); }

        public String describe() {
            return "quniform(" + ConfigValues.format(low) + ", " + ConfigValues.format(high) + ", " + ConfigValues.format(q) + ")";
        }
    }

    private static IllegalArgumentException notEnumerable(String what) {
        return new IllegalArgumentException(what + " is continuous and cannot be enumerated by a grid");
    }
}
