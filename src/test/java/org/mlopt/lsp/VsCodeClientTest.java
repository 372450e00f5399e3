package org.mlopt.lsp;

import org.junit.jupiter.api.Test;
import org.mlopt.tools.EditorGrammars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VS Code extension starts this server: its manifest and client script agree on how. */
class VsCodeClientTest {

    private static final Path EXTENSION = Path.of("editor-support", "vscode");

    @Test
    void manifestDeclaresTheClientAndItsSettings() {
        String manifest = EditorGrammars.generate().get("vscode/package.json");
        for (String expected : new String[] {"\"main\": \"./extension.js\"", "\"onLanguage:mlopt\"", "\"mlopt.serverCommand\"",
                "\"mlopt.serverArgs\"", "\"default\": \"mlopt\"", "\"lsp\"", "\"vscode-languageclient\""})
            assertTrue(manifest.contains(expected), "package.json lacks " + expected);
    }

    @Test
    void clientScriptReadsTheSettingsAndUsesStdio() throws IOException {
        String script = Files.readString(EXTENSION.resolve("extension.js"));
        for (String expected : new String[] {"require('vscode-languageclient/node')", "'serverCommand'", "'serverArgs'",
                "TransportKind.stdio", "language: 'mlopt'", "module.exports = { activate, deactivate }"})
            assertTrue(script.contains(expected), "extension.js lacks " + expected);
        String ignored = Files.readString(EXTENSION.resolve(".gitignore"));
        assertTrue(ignored.contains("node_modules/"), "node_modules must stay out of the repository");
    }
}
