package org.mlopt.cli;

import org.mlopt.diag.SourceText;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A script read from disk: its text under the name the user typed, and the folder its paths resolve against. */
record ScriptFile(SourceText source, Path baseDir) {

    static ScriptFile read(String argument) throws UsageException {
        Path path = Path.of(argument);
        try {
            if (Files.isDirectory(path)) throw new UsageException(argument + " is a folder, not a script");
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            Path dir = path.toAbsolutePath().normalize().getParent();
            return new ScriptFile(new SourceText(argument, text), dir);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + argument);
        } catch (CharacterCodingException e) {
            throw new UsageException(argument + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read " + argument + ": " + e.getMessage());
        }
    }
}
