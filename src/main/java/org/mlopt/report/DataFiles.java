package org.mlopt.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data files a run read and their SHA-256 digests now: the files named by the script's
 * {@code csv("...")} calls, resolved against the folder of the script as the run named it
 * (relative to the working folder).
 */
final class DataFiles {

    private static final Pattern CSV = Pattern.compile("\\bcsv\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A data file: the name the script uses, where it was looked for, and its digest (null when not found). */
    record Entry(String name, Path path, String sha256) {}

    private DataFiles() {}

    static List<Entry> of(RunRecord run, Path workingDir) {
        Path scriptDir = workingDir.resolve(run.scriptPath().isEmpty() ? "." : run.scriptPath()).toAbsolutePath().normalize().getParent();
        List<Entry> out = new ArrayList<>();
        for (String name : names(ScriptHeader.body(run.script()))) {
            Path p = scriptDir == null ? Path.of(name) : scriptDir.resolve(name).normalize();
            out.add(new Entry(name, p, Files.isRegularFile(p) ? sha256(p) : null));
        }
        return out;
    }

    /** The csv(...) file names in the script, in order, each once; comments are skipped. */
    static List<String> names(String script) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : script.split("\n", -1)) {
            Matcher m = CSV.matcher(ScriptLines.stripComment(line));
            while (m.find()) names.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return new ArrayList<>(names);
    }

    private static String sha256(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
