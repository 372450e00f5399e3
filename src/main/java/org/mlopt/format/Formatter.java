package org.mlopt.format;

import org.mlopt.parse.Lexing;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;

/**
 * The canonical layout of mlopt scripts (for a {@code fmt} command, editors and the REPL). Formatting never changes what a
 * script means: the AST before and after is the same, and formatting twice changes nothing.
 *
 * <p>The style:
 * <ul>
 *   <li>One statement per line; one blank line between statements (or block entries) wherever the
 *       source had at least one, never more, none at the top of a block.</li>
 *   <li>A block opens with {@code {} on its statement's line; entries go one per line, indented two
 *       spaces, without commas; {@code }} closes on its own line. Network bodies and {@code space}
 *       blocks always break.</li>
 *   <li>Short blocks stay on one line, {@code { stratify: true, seed: 0 }}: at most three entries,
 *       each a {@code key: value} whose value is a number, string, boolean or name, and no comment
 *       inside. {@code {}} for an empty block.</li>
 *   <li>{@code key: value} and {@code name: value} with one space after the colon and none before;
 *       arguments and list items separated by {@code ", "}. Values are not aligned in columns:
 *       aligning makes one edited key reflow its neighbours, which hurts diffs.</li>
 *   <li>Calls and lists stay on one line unless a comment sits inside them (or inside an item that
 *       must break): then one item per line, indented, each followed by a comma.</li>
 *   <li>Numbers and strings are kept exactly as written ({@code 1e-3}, {@code 1_000}, escapes).</li>
 *   <li>Comments stay where they were: a comment on its own line stays on its own line before the
 *       same code, at that code's indent; a comment after code stays at the end of that code's line,
 *       two spaces after it, and the trailing comments of adjacent lines at the same indent line up
 *       in one column. A comment that sat in the middle of code the formatter joins onto one
 *       line moves to its own line just above. Trailing spaces in comments are dropped.</li>
 * </ul>
 */
public final class Formatter {

    private Formatter() {}

    /** Formats a whole script; a script with syntax errors is refused with its diagnostics. */
    public static FormatResult format(String sourceName, String text) {
        ParseResult parsed = ScriptParser.parse(sourceName, text);
        if (!parsed.ok()) return FormatResult.refused(sourceName, parsed.diagnostics().sorted());
        String formatted = new LayoutPrinter(text, Lexing.tokens(text)).print(parsed.program());
        return FormatResult.formatted(sourceName, text, formatted);
    }
}
