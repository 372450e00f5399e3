package org.mlopt.check;

import org.mlopt.ast.Span;
import org.mlopt.ast.Statement;

/**
 * A name a script declares. {@code kind} is the declaring keyword: data, split (for split parts),
 * model, network, loss, optimizer, regularizer, schedule, load.
 */
public record Symbol(String name, String kind, Statement declaredBy, Span span) {}
