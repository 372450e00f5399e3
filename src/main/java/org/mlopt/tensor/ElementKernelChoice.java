package org.mlopt.tensor;

/** Picks the {@link ElementKernels} implementation once; the Vector API one is loaded reflectively. */
final class ElementKernelChoice {

    static final ElementKernels CHOSEN = choose();

    private ElementKernelChoice() {}

    private static ElementKernels choose() {
        String wanted = System.getProperty("mlopt.kernel", "auto").trim();
        if (wanted.equalsIgnoreCase("ejml") || !MatMuls.vectorModulePresent()) {
            return new ScalarElementKernels();
        }
        try {
            return (ElementKernels) Class.forName("org.mlopt.tensor.VectorElementKernels").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarElementKernels();
        }
    }
}
