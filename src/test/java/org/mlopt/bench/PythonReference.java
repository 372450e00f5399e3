package org.mlopt.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Debian python3 child that runs one repetition of a reference workload per request, so that
 * {@link SideBySide} can interleave mlopt and scikit-learn/PyTorch repetitions in the same run.
 * The workloads are the timed bodies of /work/shared/bench/w1, w2, w3, w4, w5 and w8 (same data,
 * same estimators, same loops: {@code common.make_mlp} and {@code common.train_epochs} for W4 as in
 * w4_small_mlp.py; W5's loop copied from w5_large_mlp.py), with the script's thread settings
 * ({@code common.py} reads {@code --threads} before numpy or torch load).
 */
final class PythonReference implements AutoCloseable {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path BENCH = Path.of("/work/shared/bench");

    private static final String SERVER = """
            import sys
            sys.path.insert(0, sys.argv[1])
            import common
            import json, time
            import numpy as np
            torch = common.setup_torch()
            _lim = common.limit_blas()
            F = torch.nn.functional
            state = {}

            def digits():
                if "digits" not in state:
                    state["digits"] = common.torch_split("digits")
                return state["digits"]

            def w4(seed, epochs):
                Xtr, ytr, Xte, yte, d = digits()
                model = common.make_mlp([64, 128, 64, 10], seed)
                opt = torch.optim.Adam(model.parameters(), lr=1e-3)
                gen = torch.Generator().manual_seed(seed)
                t0 = time.perf_counter()
                common.train_epochs(model, Xtr, ytr, opt, epochs, 32, gen)
                t = time.perf_counter() - t0
                return {"t": t, "accuracy": common.evaluate(model, Xte, yte)["accuracy"]}

            def w5data():
                if "w5" not in state:
                    rng = np.random.default_rng(0)
                    X = rng.standard_normal((60000, 784), dtype=np.float32)
                    Wt = rng.standard_normal((784, 10)).astype(np.float32)
                    y = (X @ Wt).argmax(1)
                    state["w5"] = (torch.from_numpy(X), torch.from_numpy(y).long())
                return state["w5"]

            def w5(batch, steps_limit):
                Xt, yt = w5data()
                model = common.make_mlp([784, 256, 256, 10], 0)
                opt = torch.optim.Adam(model.parameters(), lr=1e-3)
                gen = torch.Generator().manual_seed(0)
                n = Xt.shape[0]
                steps = 0
                t0 = time.perf_counter()
                model.train()
                for _ in range(2):
                    perm = torch.randperm(n, generator=gen)
                    tot = 0.0
                    for i in range(0, n, batch):
                        idx = perm[i:i + batch]
                        xb, yb = Xt[idx], yt[idx]
                        opt.zero_grad()
                        loss = F.cross_entropy(model(xb), yb)
                        loss.backward()
                        opt.step()
                        tot += loss.item() * xb.shape[0]
                        steps += 1
                        if steps_limit and steps >= steps_limit:
                            return {"t": time.perf_counter() - t0}
                return {"t": time.perf_counter() - t0, "loss": tot / n}

            def ridge():
                from sklearn.linear_model import Ridge
                if "ridge" not in state:
                    rng = np.random.default_rng(0)
                    X = rng.standard_normal((200000, 100))
                    w = rng.standard_normal(100)
                    state["ridge"] = (X, X @ w + 0.1 * rng.standard_normal(200000))
                X, y = state["ridge"]
                t0 = time.perf_counter()
                Ridge(alpha=0.5).fit(X, y)
                return {"t": time.perf_counter() - t0}

            def lasso():
                from sklearn.linear_model import Lasso
                if "lasso" not in state:
                    rng = np.random.default_rng(0)
                    X = rng.standard_normal((20000, 200))
                    w = np.zeros(200)
                    w[:10] = 3 * rng.standard_normal(10)
                    state["lasso"] = (X, X @ w + 0.5 * rng.standard_normal(20000))
                X, y = state["lasso"]
                t0 = time.perf_counter()
                m = Lasso(alpha=0.1).fit(X, y)
                return {"t": time.perf_counter() - t0, "nonzeros": int(np.sum(m.coef_ != 0)), "n_iter": int(m.n_iter_)}

            def grid():
                from sklearn.linear_model import LogisticRegression
                from sklearn.model_selection import GridSearchCV
                if "cancer" not in state:
                    state["cancer"] = common.load_split("breast_cancer")
                d = state["cancer"]
                np.random.seed(0)
                gs = GridSearchCV(LogisticRegression(solver="liblinear"),
                                  {"C": [0.001, 0.01, 0.1, 1, 10, 100], "penalty": ["l1", "l2"]}, cv=5, scoring="accuracy")
                c0 = time.process_time()
                t0 = time.perf_counter()
                gs.fit(d["Xtr"], d["ytr"])
                return {"t": time.perf_counter() - t0, "cpu": time.process_time() - c0, "best": str(gs.best_params_),
                        "score": float(gs.best_score_)}

            def random_search(n_jobs, n_iter, max_iter):
                from scipy.stats import loguniform
                from sklearn.model_selection import RandomizedSearchCV
                from sklearn.neural_network import MLPClassifier
                d = digits()[4]
                rs = RandomizedSearchCV(
                    MLPClassifier(solver="adam", batch_size=32, max_iter=max_iter, random_state=0),
                    {"learning_rate_init": loguniform(1e-4, 1e-1), "hidden_layer_sizes": [(16,), (32,), (64,), (128,)],
                     "alpha": loguniform(1e-6, 1e-2)},
                    n_iter=n_iter, cv=3, scoring="accuracy", n_jobs=n_jobs, random_state=0)
                t0 = time.perf_counter()
                rs.fit(d["Xtr"], d["ytr"])
                return {"t": time.perf_counter() - t0, "score": float(rs.best_score_), "best": str(rs.best_params_)}

            print(json.dumps({"ready": True, "torch_threads": torch.get_num_threads()}), flush=True)
            for line in sys.stdin:
                parts = line.split()
                if not parts:
                    continue
                cmd, args = parts[0], [int(a) for a in parts[1:]]
                try:
                    if cmd == "w4":
                        out = w4(args[0], args[1])
                    elif cmd == "w5":
                        out = w5(args[0], args[1])
                    elif cmd == "ridge":
                        out = ridge()
                    elif cmd == "lasso":
                        out = lasso()
                    elif cmd == "grid":
                        out = grid()
                    elif cmd == "random":
                        out = random_search(args[0], args[1], args[2])
                    else:
                        out = {"error": "unknown command " + cmd}
                except Exception as e:
                    out = {"error": repr(e)}
                print(json.dumps(out), flush=True)
            """;

    private static final Pattern NUMBER = Pattern.compile("\"t\": ([0-9.eE+-]+)");

    private final Process process;
    private final BufferedReader in;
    private final PrintWriter out;

    private PythonReference(Process process) throws IOException {
        this.process = process;
        this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        String ready = in.readLine();
        if (ready == null || !ready.contains("ready")) throw new IOException("python reference did not start: " + ready);
        System.out.println("# python reference ready: " + ready);
    }

    static boolean available() {
        return Files.isExecutable(PYTHON) && Files.isRegularFile(BENCH.resolve("common.py"));
    }

    /**
     * Starts a child with {@code threads} threads everywhere, or, with {@code blasThreads > 0}, with
     * torch on one thread and OpenBLAS on {@code blasThreads} (W5's "best two-core split").
     */
    static PythonReference start(int threads, int blasThreads) throws IOException {
        Path script = Files.createTempFile("mlopt-reference", ".py");
        Files.writeString(script, SERVER);
        script.toFile().deleteOnExit();
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString(), BENCH.toString(),
                "--threads", Integer.toString(threads));
        Map<String, String> env = pb.environment();
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        if (blasThreads > 0) {
            env.put("PEERS_TORCH_THREADS", "1");
            env.put("PEERS_BLAS_THREADS", Integer.toString(blasThreads));
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new PythonReference(pb.start());
    }

    /** Sends one request; returns its JSON reply line. */
    String call(String command) throws IOException {
        out.println(command);
        String line = in.readLine();
        if (line == null) throw new IOException("python reference exited during: " + command);
        if (line.contains("\"error\"")) throw new IOException("python reference failed on " + command + ": " + line);
        return line;
    }

    /** Sends one request; returns its wall time in seconds. */
    double seconds(String command) throws IOException {
        return seconds(command, null);
    }

    /** As {@link #seconds(String)}, storing the whole reply in {@code reply[0]} when given. */
    double seconds(String command, String[] reply) throws IOException {
        String line = call(command);
        if (reply != null) reply[0] = line;
        Matcher m = NUMBER.matcher(line);
        if (!m.find()) throw new IOException("no time in reply: " + line);
        return Double.parseDouble(m.group(1));
    }

    @Override
    public void close() {
        out.close();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }
}
