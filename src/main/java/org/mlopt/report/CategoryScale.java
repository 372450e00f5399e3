package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/** An axis of named categories placed at the centres of equal bands; values are category indexes. */
public final class CategoryScale implements Scale {

    private final List<String> categories;

    public CategoryScale(List<String> categories) {
        this.categories = List.copyOf(categories);
    }

    public int indexOf(String category) {
        return categories.indexOf(category);
    }

    @Override
    public double unit(double index) {
        return (index + 0.5) / categories.size();
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) ticks.add(new Tick(i, categories.get(i)));
        return ticks;
    }
}
