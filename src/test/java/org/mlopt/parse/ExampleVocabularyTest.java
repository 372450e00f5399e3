package org.mlopt.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Program;
import org.mlopt.ast.Statement;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples speak the registry's vocabulary: every call names a component, every named
 * argument is one of its parameters, and every key of a statement's block or option group is a
 * setting of that statement's schema. (A spelling check only; the checker judges meaning.)
 */
class ExampleVocabularyTest {

    private static final Registry REGISTRY = Registry.standard();

    static Stream<Path> examples() throws IOException {
        return ExampleAstTest.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleUsesOnlyKnownComponentsParametersAndSettings(Path script) throws IOException {
        ParseResult r = ScriptParser.parse(script.toString(), Files.readString(script, StandardCharsets.UTF_8));
        assertTrue(r.ok(), script + " does not parse");
        List<String> problems = new ArrayList<>();
        new Walker(problems).program(r.program());
        assertEquals(List.of(), problems, script.toString());
    }

    private record Walker(List<String> problems) {

        void program(Program p) {
            for (Statement s : p.statements()) {
                if (s instanceof Statement.Data d) call(d.source());
                else if (s instanceof Statement.Model m) call(m.spec());
                else if (s instanceof Statement.Decl d) call(d.spec());
                else if (s instanceof Statement.Preprocess pre) pre.steps().forEach(this::call);
                else if (s instanceof Statement.Evaluate e) value(e.metrics());
                else if (s instanceof Statement.Network n) settings("network", n.body());
                else if (s instanceof Statement.Split sp) sp.options().ifPresent(b -> settings("split", b));
                else if (s instanceof Statement.Train t) t.options().ifPresent(b -> settings("train", b));
                else if (s instanceof Statement.Search se) settings("search", se.options());
                else if (s instanceof Statement.Prune pr) settings("prune", pr.options());
                else if (s instanceof Statement.Distill di) settings("distill", di.options());
                else if (s instanceof Statement.Report re) re.options().ifPresent(b -> settings("report", b));
            }
        }

        /** Keys must be settings of the schema; a nested block is checked against the option group of its key. */
        void settings(String schemaName, Block block) {
            Optional<Component> schema = REGISTRY.statement(schemaName).or(() -> REGISTRY.group(schemaName));
            if (schema.isEmpty()) {
                problems.add("no schema " + schemaName);
                return;
            }
            for (Block.Entry e : block.entries()) {
                if (e instanceof Block.Bare b) call(b.call());
                else if (e instanceof Block.Space sp) sp.block().keyed().forEach(k -> value(k.value()));
                else if (e instanceof Block.Keyed k) {
                    String key = k.key().toString();
                    if (schema.get().param(key).isEmpty()) problems.add(schemaName + " has no setting " + key);
                    if (k.value() instanceof Expr.BlockLit nested) settings(key, nested.block());
                    else value(k.value());
                }
            }
        }

        void value(Expr e) {
            if (e instanceof Expr.Call c) call(c);
            else if (e instanceof Expr.ListLit l) l.items().forEach(this::value);
        }

        void call(Expr.Call c) {
            String name = c.callee().text();
            List<Component> candidates = REGISTRY.named(name).stream()
                    .filter(x -> x.kind() != Kind.STATEMENT && x.kind() != Kind.OPTION_GROUP).toList();
            if (candidates.isEmpty()) {
                problems.add("unknown component " + name);
                return;
            }
            boolean conditions = name.equals("when"); // when's named arguments are conditions, not parameters
            for (Expr.Arg a : c.args()) {
                if (!a.positional() && !conditions && candidates.stream().noneMatch(x -> x.param(a.name().text()).isPresent()))
                    problems.add(name + " has no parameter " + a.name().text());
                value(a.value());
            }
        }
    }
}
