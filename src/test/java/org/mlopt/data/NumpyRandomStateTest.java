package org.mlopt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumpyRandomStateTest {

    // Expected values: numpy 1.24.2 (Debian python3-numpy), legacy np.random.RandomState.

    @Test
    void reproducesNumpySequenceForSeedZero() {
        NumpyRandomState r = new NumpyRandomState(0);
        // r=RandomState(0); r.random_sample(3)
        assertArrayEquals(new double[] {0.5488135039273248, 0.7151893663724195, 0.6027633760716439}, r.randomSample(3), 0.0);
        // then r.randint(0, 10, 5)
        long[] ints = new long[5];
        for (int i = 0; i < 5; i++) ints[i] = r.randint(0, 10);
        assertArrayEquals(new long[] {3, 7, 9, 3, 5}, ints);
        // then r.permutation(10)
        assertArrayEquals(new int[] {3, 1, 9, 8, 5, 0, 6, 7, 4, 2}, r.permutation(10));
        // then r.standard_normal(3)
        assertEquals(0.144043571160878, r.standardNormal(), 1e-15);
        assertEquals(1.454273506962975, r.standardNormal(), 1e-15);
        assertEquals(0.7610377251469934, r.standardNormal(), 1e-15);
        // then r.randint(0, 2**40, 2): the 64-bit masked path
        assertEquals(332161587272L, r.randint(0, 1L << 40));
        assertEquals(41438582676L, r.randint(0, 1L << 40));
        // then r.random_sample()
        assertEquals(0.02021839744032572, r.randomSample(), 0.0);
    }

    @Test
    void choiceWithoutReplacementIsAPermutationPrefix() {
        NumpyRandomState r = new NumpyRandomState(12345);
        // r=RandomState(12345); r.permutation(7); r.choice(np.array([3,5,9]), size=2, replace=False) -> [3, 5]
        assertArrayEquals(new int[] {6, 3, 4, 0, 1, 5, 2}, r.permutation(7));
        assertArrayEquals(new int[] {0, 1}, r.choiceWithoutReplacement(3, 2));
    }

    @Test
    void initByArrayMatchesNumpyArraySeed() {
        // RandomState(np.array([1,2,3], dtype=np.uint32)).random_sample(2)
        NumpyRandomState r = NumpyRandomState.fromArray(new int[] {1, 2, 3});
        assertArrayEquals(new double[] {0.6098612722867289, 0.8866970434146851}, r.randomSample(2), 0.0);
    }
}
