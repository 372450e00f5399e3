package org.mlopt.check;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;
import org.mlopt.schema.Component;
import org.mlopt.schema.Param;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a statement's settings block, or a nested option group, against its schema (a
 * {@code STATEMENT} or {@code OPTION_GROUP} component): known keys (E206), each once (E305),
 * required ones present (E302), values of the right type (through {@link ValueChecker}).
 * Layers and {@code space} entries are left to the caller that allows them.
 */
final class BlockChecker {

    private final CheckContext ctx;
    private final ValueChecker values;

    BlockChecker(CheckContext ctx, ValueChecker values) {
        this.ctx = ctx;
        this.values = values;
    }

    /** Checks a block whose entries must all be settings; returns the value of each key given, in order. */
    Map<String, Expr> check(Block block, Component schema, String where) {
        return check(block, schema, where, false, false);
    }

    /** A network body: settings and bare layer calls (which the caller checks). */
    Map<String, Expr> checkNetwork(Block block, Component schema, String where) {
        return check(block, schema, where, true, false);
    }

    /** A search block: settings and one {@code space { ... }} (which the caller checks). */
    Map<String, Expr> checkSearch(Block block, Component schema) {
        return check(block, schema, "search", false, true);
    }

    private Map<String, Expr> check(Block block, Component schema, String where, boolean layers, boolean space) {
        Map<String, Expr> given = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> seenSpace = new java.util.HashSet<>();
        for (Block.Entry e : block.entries()) {
            if (e instanceof Block.Keyed k) checkEntry(k, schema, where, given, seen);
            else if (e instanceof Block.Bare b && !layers)
                ctx.diagnostics.error(ErrorCode.E206, b.span(), "a bare call is not a setting of " + where,
                        "help: settings are written 'name: value'");
            else if (e instanceof Block.Space s && !space)
                ctx.diagnostics.error(ErrorCode.E206, s.keyword().span(), "a search space belongs in a search block, not in " + where);
            else if (e instanceof Block.Space s && !seenSpace.add("space"))
                ctx.diagnostics.error(ErrorCode.E305, s.keyword().span(), "a search has one space { ... }; merge them");
        }
        if (schema != null)
            for (Param p : schema.params())
                if (p.required() && !given.containsKey(p.name()))
                    ctx.diagnostics.error(ErrorCode.E302, block.span(), where + " needs " + p.name() + " (" + p.type().describe() + ")");
        return given;
    }

    private void checkEntry(Block.Keyed k, Component schema, String where, Map<String, Expr> given, java.util.Set<String> seen) {
        if (!k.key().isSimple()) {
            ctx.diagnostics.error(ErrorCode.E206, k.key().span(), "'" + k.key() + "' is not a setting of " + where,
                    "help: dotted keys are search-space paths and belong inside space { ... }");
            return;
        }
        String key = k.key().head().text();
        if (!seen.add(key)) {
            ctx.diagnostics.error(ErrorCode.E305, k.key().span(), "setting '" + key + "' of " + where + " is given twice");
            return;
        }
        if (schema == null) {
            given.put(key, k.value());
            return;
        }
        Optional<Param> p = schema.param(key);
        if (p.isEmpty()) {
            List<String> names = schema.params().stream().map(Param::name).toList();
            String[] note = Suggest.note(key, names);
            if (note.length == 0) note = new String[] {"help: " + where + " takes " + String.join(", ", names)};
            ctx.diagnostics.error(ErrorCode.E206, k.key().span(), "unknown setting '" + key + "' of " + where, note);
            return;
        }
        given.put(key, k.value());
        values.check(k.value(), p.get().type(), p.get().range(), key);
    }
}
