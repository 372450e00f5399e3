/**
 * The static checker: everything that can be known about a script before it runs.
 *
 * <p>{@link org.mlopt.check.Checker#check} walks the statements in source order once, after
 * {@code SymbolTable} has collected every declaration (so "unknown" and "declared later" are
 * told apart). Each concern lives in its own class:
 * <ul>
 *   <li>{@code SymbolTable}: names, kinds, declaration order (E201–E204);</li>
 *   <li>{@code ComponentChecker} and {@code ValueChecker}: a component use against its schema and
 *       each value against its {@link org.mlopt.schema.Type} and {@link org.mlopt.schema.Range}
 *       (E205, E207, E301–E308, E901);</li>
 *   <li>{@code BlockChecker}: statement settings and option groups against the registry's
 *       STATEMENT and OPTION_GROUP schemas (E206, E302, E305);</li>
 *   <li>{@code DataSources} and {@code DataHeaderReader}: a CSV's header and a scan of its target
 *       column, never the data itself (E801–E803);</li>
 *   <li>{@code ShapeInference}: network widths, inputs from data, outputs against the loss (E401, E402, E406, E408);</li>
 *   <li>{@code TaskRules}, {@code LeakageRules}, {@code SpaceChecker}, {@code CompressionRules}:
 *       the 4xx, 5xx, 6xx and 7xx rules.</li>
 * </ul>
 * The AST is never changed; what the checker resolves is kept in side tables keyed by node
 * identity ({@code CheckContext.resolutions}) and returned as a {@link org.mlopt.check.CheckedProgram}.
 * {@link org.mlopt.check.Overrides} rewrites a program for {@code --set path=value} before checking.
 */
package org.mlopt.check;
