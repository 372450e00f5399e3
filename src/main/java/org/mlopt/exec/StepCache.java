package org.mlopt.exec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Results of finished steps keyed by the plan's fingerprint of each step (its kind, settings,
 * seed and the fingerprints of its inputs), so a session that runs a script again reuses every
 * step whose inputs and settings did not change, and a changed evaluation does not retrain.
 */
public final class StepCache {


    /** What a step left behind: its output artifacts, in order, and its reported result (or null). */
    record Entry(List<Object> outputs, StepResult result) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final boolean remembers;

    /** An empty cache that remembers what it is given. */
    public StepCache() {
        this(true);
    }

    private StepCache(boolean remembers) {
        this.remembers = remembers;
    }

    Entry get(String fingerprint) {
        return entries.get(fingerprint);
    }

    void put(String fingerprint, Entry entry) {
        if (remembers) entries.put(fingerprint, entry);
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
    }

    /** A cache that remembers nothing, for one-off runs. */
    public static StepCache none() {
        return new StepCache(false);
    }
}
