/**
 * The language server ({@code mlopt lsp}): the Language Server Protocol over stdio, on lsp4j.
 *
 * <ul>
 *   <li>{@link org.mlopt.lsp.LspMain#run(java.io.InputStream, java.io.OutputStream)} serves until
 *       the client exits; {@link org.mlopt.lsp.MloptLanguageServer} announces the capabilities and
 *       hands documents to {@code MloptTextDocumentService}.</li>
 *   <li>Documents are synced in full; {@code Document} is one immutable version, whose tokens,
 *       parse and declarations are computed on first use.</li>
 *   <li>{@code DiagnosticsPublisher} runs the checker on a single background thread, debounced
 *       (150 ms), and drops any result whose document has a newer version.</li>
 *   <li>Completion, hover and go-to-definition work from tokens, not the AST, so they keep working
 *       while a script is half typed: {@code CursorContext} finds the statement, calls, blocks and
 *       lists around a position and the value type expected there (from the registry's schemas);
 *       {@code Declarations} finds the declared names. The outline uses the AST when the script
 *       parses.</li>
 *   <li>{@code LineIndex#range} is the one conversion from mlopt spans (1-based, end-inclusive,
 *       code points) to LSP ranges (0-based, end-exclusive, UTF-16 units).</li>
 * </ul>
 */
package org.mlopt.lsp;
