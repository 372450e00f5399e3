package org.mlopt.search;

/**
 * The budget a fit may use: {@code epochs} or training {@code samples}, set by halving and
 * Hyperband rungs. {@link #FULL} means the trial's own settings (no scheduler).
 */
public record Resource(String kind, double amount) {

    public static final Resource FULL = new Resource("full", Double.NaN);

    public Resource {
        if (!kind.equals("full") && !kind.equals("epochs") && !kind.equals("samples"))
            throw new IllegalArgumentException("resource must be epochs or samples, got " + kind);
    }

    public boolean full() {
        return kind.equals("full");
    }

    /** The amount rounded to a whole number of epochs or samples. */
    public int units() {
        return (int) Math.round(amount);
    }

    @Override
    public String toString() {
        return full() ? "full" : kind + "=" + ConfigValues.format(amount);
    }
}
