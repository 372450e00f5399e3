package org.mlopt.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the editor support under {@code editor-support/} (VS Code, Vim, Emacs) from the
 * lexer's reserved words and the component registry, so the editors never miss a keyword or a
 * component. {@code EditorGrammarsTest} fails when the committed files differ from what this writes.
 *
 * <p>Run: {@code java -cp target/classes:<runtime classpath> org.mlopt.tools.EditorGrammars [dir]},
 * or {@code mvn test -Dtest=EditorGrammarsTest -Dgolden.update=true}.
 */
public final class EditorGrammars {

    private EditorGrammars() {}

    /** Every generated file, by path relative to {@code editor-support/}, in path order. */
    public static Map<String, String> generate() {
        Vocabulary v = Vocabulary.standard();
        Map<String, String> files = new TreeMap<>();
        files.putAll(VsCodeExtension.files(v));
        files.putAll(VimFiles.files(v));
        files.putAll(EmacsMode.files(v));
        return files;
    }

    /** Writes every generated file under {@code root}, creating folders as needed. */
    public static void write(Path root) throws IOException {
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "editor-support");
        write(root);
        System.out.println("wrote " + generate().size() + " editor files under " + root);
    }
}
