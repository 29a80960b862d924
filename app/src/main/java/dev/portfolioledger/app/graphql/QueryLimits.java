package dev.portfolioledger.app.graphql;

import dev.portfolioledger.api.ErrorCode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.language.OperationDefinition;

import java.util.HashMap;
import java.util.Map;

/**
 * Refuses a request before any of it runs when it would cost the server more than a client may
 * ask for: introspection where it is off, more mutations than allowed in one request, a query
 * nested too deep, or one whose cost ({@link ListSizeComplexity}) is over the limit. Each refusal
 * has its own code. Aliases count: every aliased copy of a field is visited and charged.
 *
 * <p>Introspection subtrees ({@code __schema}, {@code __type}) have their own depth limit: the
 * standard introspection query of GraphQL tools nests type references 15 levels deep, more than
 * any query of the ledger needs.
 */
public class QueryLimits extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final int maxIntrospectionDepth;
    private final long maxComplexity;
    private final int maxMutations;
    private final boolean introspection;
    private final ListSizeComplexity complexity = new ListSizeComplexity();

    public QueryLimits(int maxDepth, int maxIntrospectionDepth, long maxComplexity, int maxMutations,
                       boolean introspection) {
        this.maxDepth = maxDepth;
        this.maxIntrospectionDepth = maxIntrospectionDepth;
        this.maxComplexity = maxComplexity;
        this.maxMutations = maxMutations;
        this.introspection = introspection;
    }

    /** Also tells graphql-java itself that introspection is off, should a request reach execution. */
    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
                                                   InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        if (!introspection) {
            executionInput.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
        }
        return executionInput;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Measure measure = new Measure();
        traverser(context).visitPostOrder(measure);
        if (!introspection && measure.introspectionFields > 0) {
            throw new QueryRefusal(ErrorCode.INTROSPECTION_DISABLED, "Introspection is disabled on this server");
        }
        if (context.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION
                && measure.rootFields > maxMutations) {
            throw new QueryRefusal(ErrorCode.TOO_MANY_MUTATIONS, "A request may carry at most " + maxMutations
                    + " mutations (aliases count); this one has " + measure.rootFields + "; nothing was run");
        }
        if (measure.depth > maxDepth) {
            throw new QueryRefusal(ErrorCode.QUERY_TOO_DEEP, "The query is nested " + measure.depth
                    + " levels deep; at most " + maxDepth + " are allowed");
        }
        if (measure.introspectionDepth > maxIntrospectionDepth) {
            throw new QueryRefusal(ErrorCode.QUERY_TOO_DEEP, "The introspection query is nested "
                    + measure.introspectionDepth + " levels deep; at most " + maxIntrospectionDepth + " are allowed");
        }
        long cost = measure.cost();
        if (cost > maxComplexity) {
            throw new QueryRefusal(ErrorCode.QUERY_TOO_COMPLEX, "The query could cost " + cost
                    + ", more than the limit of " + maxComplexity + "; ask for fewer items (first) or fewer fields");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static QueryTraverser traverser(ExecutionContext context) {
        return QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build();
    }

    /**
     * One post-order walk: each field's cost is known once its sub-fields are summed (long,
     * saturating, where graphql-java's own calculator sums in int and can wrap around).
     */
    private final class Measure extends QueryVisitorStub {

        private final Map<QueryVisitorFieldEnvironment, Long> childCosts = new HashMap<>();
        private long rootCost;
        private int rootFields;
        private int depth;
        private int introspectionDepth;
        private int introspectionFields;

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
            if (env.isTypeNameIntrospectionField()) {
                // a leaf every type has, with no field definition in the schema: one value, no depth of its own
                add(parent, 1);
                return;
            }
            FieldComplexityEnvironment field = convert(env);
            int level = level(env);
            if (ListSizeComplexity.isIntrospection(field)) {
                introspectionFields++;
                introspectionDepth = Math.max(introspectionDepth, level);
            } else {
                depth = Math.max(depth, level);
            }
            if (parent == null) {
                rootFields++;
            }
            add(parent, complexity.cost(field, childCosts.getOrDefault(env, 0L)));
        }

        private void add(QueryVisitorFieldEnvironment parent, long cost) {
            if (parent == null) {
                rootCost = Math.min(ListSizeComplexity.CEILING, rootCost + cost);
            } else {
                childCosts.merge(parent, cost, (a, b) -> Math.min(ListSizeComplexity.CEILING, a + b));
            }
        }

        long cost() {
            return rootCost;
        }

        private static int level(QueryVisitorFieldEnvironment env) {
            int level = 0;
            for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
                level++;
            }
            return level;
        }

        private static FieldComplexityEnvironment convert(QueryVisitorFieldEnvironment env) {
            return new FieldComplexityEnvironment(env.getField(), env.getFieldDefinition(), env.getFieldsContainer(),
                    env.getArguments(), env.getParentEnvironment() == null ? null : convert(env.getParentEnvironment()));
        }
    }
}
