/**
 * The planner: compiles a {@link org.mlopt.check.CheckedProgram} into an
 * {@link org.mlopt.plan.ExecutionGraph} that a runtime executes step by step.
 *
 * <ul>
 *   <li>{@link org.mlopt.plan.Planner#plan(org.mlopt.check.CheckedProgram, long)} is the entry point.</li>
 *   <li>Every {@link org.mlopt.plan.Step} names the artifacts it reads and writes; a name that
 *       changes (data preprocessed, a model retrained or pruned) gets a new artifact version, so
 *       each artifact is written once and the steps are in topological order.</li>
 *   <li>{@link org.mlopt.plan.ExecutionGraph#fingerprint(String)} hashes a step's settings, seed
 *       and the fingerprints of its inputs' producers: a cache key for skipping steps.</li>
 *   <li>Seeds come from {@link org.mlopt.plan.SeedSequence}: (run seed, statement, trial, fold,
 *       phase), never from a shared generator.</li>
 *   <li>Searches expand into FIT steps per configuration and fold ({@code GridEnumerator},
 *       {@code HalvingRungs}), grouped in a {@link org.mlopt.plan.StepGroup}.</li>
 *   <li>{@link org.mlopt.plan.CostModel} documents the parameter and FLOP estimates;
 *       {@link org.mlopt.plan.PlanText} and {@link org.mlopt.plan.PlanDot} render a plan.</li>
 * </ul>
 */
package org.mlopt.plan;
