package org.mlopt.schema;

import java.util.List;

import static org.mlopt.schema.Component.of;
import static org.mlopt.schema.Param.of;

/** Search strategies, search-space primitives and cross-validation schemes. */
final class SearchCatalog {

    private SearchCatalog() {}

    static List<Component> all() {
        return List.of(
                grid(), random(), halving(), hyperband(), tpe(),
                choice(), uniform(), loguniform(), randint(), quniform(), when(),
                kfold(), stratified(), holdout());
    }

    private static Param seed() {
        return of("seed", Type.integer()).range(Range.nonNegative())
                .doc("Random seed; when omitted, the search's seed.");
    }

    private static Param factor() {
        return of("factor", Type.number()).defaultValue(3).range(Range.of(1, false, Double.POSITIVE_INFINITY, false))
                .doc("Each round keeps 1/factor of the candidates and gives them factor times the resource.");
    }

    private static Component grid() {
        return of(Kind.SEARCH_STRATEGY, "grid",
                "Every combination of the space's lists, as scikit-learn's GridSearchCV; the space must be discrete.").build();
    }

    private static Component random() {
        return of(Kind.SEARCH_STRATEGY, "random",
                "Independent random draws from the space, as scikit-learn's RandomizedSearchCV.")
                .param(of("trials", Type.integer()).defaultValue(10).range(Range.atLeast(1)).positional().doc("Number of candidates drawn."))
                .param(seed())
                .build();
    }

    private static Component halving() {
        return of(Kind.SEARCH_STRATEGY, "halving",
                "Successive halving over the grid, as scikit-learn's HalvingGridSearchCV: all candidates start small, the best 1/factor continue with more resource.")
                .param(factor())
                .param(of("min_resource", Type.integer()).defaultValue(1).range(Range.atLeast(1))
                        .doc("Resource of the first round (epochs, or samples in multiples of the class count)."))
                .param(of("resource", Type.choice("epochs", "samples")).defaultValue("epochs")
                        .doc("What grows between rounds: training epochs (networks, gd solvers) or training samples."))
                .build();
    }

    private static Component hyperband() {
        return of(Kind.SEARCH_STRATEGY, "hyperband",
                "Hyperband (Li et al. 2018): several successive-halving brackets over random candidates, with epochs as the resource.")
                .param(factor())
                .param(of("max_resource", Type.integer()).range(Range.atLeast(1))
                        .doc("Most epochs one candidate gets; when omitted, the epochs of the model's train statement."))
                .build();
    }

    private static Component tpe() {
        return of(Kind.SEARCH_STRATEGY, "tpe",
                "Tree-structured Parzen estimator (Bergstra et al. 2011): random start-up trials, then draws guided by the results so far.")
                .param(of("trials", Type.integer()).defaultValue(50).range(Range.atLeast(1)).positional().doc("Number of candidates evaluated."))
                .param(of("startup", Type.integer()).defaultValue(10).range(Range.atLeast(1)).doc("Random trials before the model guides the draws."))
                .param(seed())
                .build();
    }

    private static Component choice() {
        return of(Kind.SPACE, "choice", "One of the listed values, drawn uniformly (a list [a, b] in a space is the same for grid).")
                .param(of("values", Type.anyOf(Type.number(), Type.string(), Type.bool(), Type.component(Kind.ACTIVATION)))
                        .required().positional()
                        .doc("The candidate values, given as one or more positional arguments."))
                .build();
    }

    private static Param bound(String name, Type type, Range range, String doc) {
        return of(name, type).required().positional().range(range).doc(doc);
    }

    private static Component uniform() {
        return of(Kind.SPACE, "uniform", "A number drawn uniformly from [low, high); low < high.")
                .param(bound("low", Type.number(), null, "Lower bound."))
                .param(bound("high", Type.number(), null, "Upper bound."))
                .build();
    }

    private static Component loguniform() {
        return of(Kind.SPACE, "loguniform", "A number whose logarithm is uniform on [log low, log high), as scipy.stats.loguniform; 0 < low < high.")
                .param(bound("low", Type.number(), Range.positive(), "Lower bound."))
                .param(bound("high", Type.number(), Range.positive(), "Upper bound."))
                .build();
    }

    private static Component randint() {
        return of(Kind.SPACE, "randint", "A whole number drawn uniformly from low, low + 1, ..., high − 1, as scipy.stats.randint; low < high.")
                .param(bound("low", Type.integer(), null, "Smallest value."))
                .param(bound("high", Type.integer(), null, "One past the largest value."))
                .build();
    }

    private static Component quniform() {
        return of(Kind.SPACE, "quniform", "round(uniform(low, high) / q)·q: a uniform number on a grid of step q.")
                .param(bound("low", Type.number(), null, "Lower bound."))
                .param(bound("high", Type.number(), null, "Upper bound."))
                .param(bound("q", Type.number(), Range.positive(), "Step of the grid."))
                .build();
    }

    private static Component when() {
        return of(Kind.SPACE, "when",
                "A conditional sub-space: when(penalty: elastic_net, uniform(0.1, 0.9)) is active only in candidates where every named key has the given value.")
                .param(of("space", Type.anyOf(Type.component(Kind.SPACE), Type.listOf(Type.number())))
                        .required().positional()
                        .doc("The space used where the conditions hold; the conditions are the named arguments (key: value)."))
                .build();
    }

    private static Param folds() {
        return of("folds", Type.integer()).defaultValue(5).range(Range.atLeast(2)).positional().doc("Number of folds.");
    }

    private static Param shuffle() {
        return of("shuffle", Type.bool()).defaultValue(false).doc("Shuffle the rows (with the seed) before cutting folds.");
    }

    private static Component kfold() {
        return of(Kind.CV, "kfold", "K consecutive folds, each the validation set once, as scikit-learn's KFold.")
                .param(folds()).param(shuffle()).param(seed()).build();
    }

    private static Component stratified() {
        return of(Kind.CV, "stratified", "K folds keeping the class proportions, as scikit-learn's StratifiedKFold.")
                .param(folds()).param(shuffle()).param(seed())
                .tasks(Task.BINARY, Task.MULTICLASS).build();
    }

    private static Component holdout() {
        return of(Kind.CV, "holdout", "One shuffled split: the candidate trains on the rest and is scored on the held-out fraction.")
                .param(of("fraction", Type.number()).defaultValue(0.2).range(Range.unitOpen()).positional()
                        .doc("Share of the rows held out for scoring."))
                .param(seed())
                .build();
    }
}
