package org.mlopt.exec;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.linear.LinearModel;
import org.mlopt.linear.LogisticModel;
import org.mlopt.prune.ModelFile;
import org.mlopt.schema.Task;
import org.mlopt.util.AtomicFiles;
import org.mlopt.util.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads trained models (docs/models.md). A file is one line of JSON describing the model
 * (format, version, kind, task, classes and, for linear models, the coefficients written with the
 * digits that read back to the same doubles), a newline, then for networks the binary weights and
 * pruning masks of {@link ModelFile}. A loaded model predicts bit-identically.
 */
final class ModelStore {

    static final String FORMAT = "mlopt-model";
    static final int VERSION = 1;

    private ModelStore() {}

    static void save(TrainedModel model, Path file) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.put("kind", model.kind());
        header.put("task", model.task().name().toLowerCase(java.util.Locale.ROOT));
        header.put("classes", model.classes());
        byte[] payload = new byte[0];
        if (model instanceof NetworkModel n) {
            header.put("sigmoid_output", n.sigmoidOutput());
            payload = ModelFile.toBytes(n.network(), n.masks());
        } else if (model instanceof LinearModels.Regressor r) {
            header.put("coefficients", r.fitted().coef());
            header.put("intercept", r.fitted().intercept());
        } else if (model instanceof LinearModels.Classifier c) {
            DMatrixRMaj coef = c.fitted().coef();
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < coef.numRows; i++) {
                double[] row = new double[coef.numCols];
                for (int j = 0; j < coef.numCols; j++) row[j] = coef.get(i, j);
                rows.add(row);
            }
            header.put("coefficients", rows);
            header.put("intercept", c.fitted().intercept());
        } else {
            throw new IOException("a " + model.kind() + " model cannot be saved yet");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Json.write(header).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.write(payload);
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, out.toByteArray());
    }

    @SuppressWarnings("unchecked")
    static TrainedModel load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int newline = 0;
        while (newline < bytes.length && bytes[newline] != '\n') newline++;
        Map<String, Object> header;
        try {
            header = (Map<String, Object>) Json.read(new String(bytes, 0, newline, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException(file + " is not an mlopt model file");
        }
        if (!FORMAT.equals(header.get("format")))
            throw new IOException(file + " is not an mlopt model file");
        if (((Number) header.get("version")).intValue() > VERSION)
            throw new IOException(file + " was written by a newer mlopt (format version " + header.get("version") + ")");
        Task task = Task.valueOf(((String) header.get("task")).toUpperCase(java.util.Locale.ROOT));
        List<String> classes = new ArrayList<>();
        for (Object o : (List<Object>) header.get("classes")) classes.add((String) o);
        String kind = (String) header.get("kind");
        switch (kind) {
            case "network" -> {
                byte[] payload = java.util.Arrays.copyOfRange(bytes, Math.min(bytes.length, newline + 1), bytes.length);
                ModelFile.Loaded loaded = ModelFile.fromBytes(payload);
                return new NetworkModel(loaded.network(), task, classes, Boolean.TRUE.equals(header.get("sigmoid_output")),
                        loaded.masks(), Map.of("loaded_from", file.getFileName().toString()));
            }
            case "logistic_regression" -> {
                List<Object> rows = (List<Object>) header.get("coefficients");
                int p = ((List<Object>) rows.get(0)).size();
                DMatrixRMaj coef = new DMatrixRMaj(rows.size(), p);
                for (int i = 0; i < rows.size(); i++)
                    for (int j = 0; j < p; j++) coef.set(i, j, ((Number) ((List<Object>) rows.get(i)).get(j)).doubleValue());
                return new LinearModels.Classifier(LogisticModel.restore(classes.size(), coef, doubles(header.get("intercept"))),
                        task, classes, null);
            }
            default -> {
                return new LinearModels.Regressor(kind, LinearModel.restore(doubles(header.get("coefficients")),
                        ((Number) header.get("intercept")).doubleValue()));
            }
        }
    }

    private static double[] doubles(Object list) {
        List<?> l = (List<?>) list;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).doubleValue();
        return out;
    }
}
