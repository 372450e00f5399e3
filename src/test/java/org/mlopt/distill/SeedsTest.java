package org.mlopt.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.Adam;
import org.mlopt.train.Dataset;
import org.mlopt.train.TrainConfig;

/** Distillation over several seeds, and the mean and standard deviation reported over them. */
class SeedsTest {

    private static float[] flat(Network n) {
        List<Tensor> params = n.snapshot();
        int size = 0;
        for (Tensor t : params) {
            size += t.size();
        }
        float[] out = new float[size];
        int i = 0;
        for (Tensor t : params) {
            System.arraycopy(t.fa(), 0, out, i, t.size());
            i += t.size();
        }
        return out;
    }

    private static DistillConfig config(long seed) {
        return new DistillConfig(2.0, 0.5, Adam.adam(1e-2), TrainConfig.of(4, 32, seed), true);
    }

    @Test
    void theFirstSeedIsTheSingleRunAndEverySeedGivesItsOwnStudent() {
        Dataset train = DistillerTest.data(200, 1);
        Network teacher = DistillerTest.teacher(train);
        NetworkSpec spec = NetworkSpec.mlp(7, Activation.RELU, 6, 4, 3);
        List<Long> seeds = List.of(7L, 8L, 9L);
        List<DistillResult> runs = Distiller.distillSeeds(teacher, seeds, spec::withSeed, SeedsTest::config, train, null, train);
        assertEquals(3, runs.size());

        DistillResult single = Distiller.distill(teacher, spec, train, null, config(7), train);
        assertArrayEquals(flat(single.student()), flat(runs.get(0).student()));
        assertArrayEquals(flat(single.baseline()), flat(runs.get(0).baseline()));
        assertEquals(single.studentScore(), runs.get(0).studentScore(), 0.0);

        for (int i = 0; i < 3; i++) {
            // the baseline of a seed starts from that seed's initial weights: same spec, same shuffles
            assertFalse(Arrays.equals(flat(runs.get(i).student()), flat(runs.get(i).baseline())));
            for (int j = i + 1; j < 3; j++) {
                assertFalse(Arrays.equals(flat(runs.get(i).student()), flat(runs.get(j).student())), "students " + i + ", " + j);
                assertFalse(Arrays.equals(flat(runs.get(i).baseline()), flat(runs.get(j).baseline())), "baselines " + i + ", " + j);
            }
        }
        // seed 8 alone is the second student
        DistillResult second = Distiller.distill(teacher, spec.withSeed(8), train, null, config(8), train);
        assertArrayEquals(flat(second.student()), flat(runs.get(1).student()));
        assertThrows(IllegalArgumentException.class,
                () -> Distiller.distillSeeds(teacher, List.of(), spec::withSeed, SeedsTest::config, train, null, train));
    }

    @Test
    void meanAndSampleStandardDeviation() {
        // numpy 2.4.6: v = [1, 2, 4]; v.mean() = 2.3333333333333335, v.std(ddof=1) = 1.5275252316519465
        SeedSummary s = SeedSummary.of(new double[] {1, 2, 4});
        assertEquals(2.3333333333333335, s.mean(), 1e-15);
        assertEquals(1.5275252316519465, s.std(), 1e-15);
        assertEquals(3, s.count());
        // numpy 2.4.6: five test accuracies of examples/distillation.mlopt's students, mean 0.9657777777777777, std(ddof=1) 0.004036867138796682
        SeedSummary five = SeedSummary.of(new double[] {0.9666666666666667, 0.9644444444444444, 0.9711111111111111, 0.96,
                0.9666666666666667});
        assertEquals(0.9657777777777777, five.mean(), 1e-15);
        assertEquals(0.004036867138796682, five.std(), 1e-15);
        SeedSummary one = SeedSummary.of(new double[] {0.5});
        assertEquals(0.5, one.mean());
        assertTrue(Double.isNaN(one.std()));
        assertThrows(IllegalArgumentException.class, () -> SeedSummary.of(new double[0]));
    }
}
