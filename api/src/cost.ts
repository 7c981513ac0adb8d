// Database work in the cost model: every occurrence of a field that queries the database adds
// a base cost (aliases included), on top of the Pothos annotations (page sizes multiply it).
// Without it 150 aliases of `departments` cost 150 and ran 150 aggregations.
import type { GraphQLField, GraphQLSchema } from 'graphql';

/** Each root field is at least one round trip: this unless listed below. */
export const rootFieldCost = 100;

/**
 * Base cost by field coordinate: aggregations, lookups batched per request, counts (a
 * connection's page size multiplies every field below it, its count included).
 */
export const fieldCosts: Record<string, number> = {
  'Query.departments': 500,
  'Query.regions': 500,
  'Query.coverageGaps': 500,
  'Query.structure': 10,
  'Query.account': 10,
  'Query.node': 10,
  'Query.submission': 10,
  'StructureConnection.totalCount': 5,
  'SubmissionConnection.totalCount': 5,
  'AuditEntryConnection.totalCount': 5,
  'UserConnection.totalCount': 5,
  'Submission.structure': 10,
  'Submission.conflicts': 10,
  'Referral.fromStructure': 10,
  'Referral.toStructure': 10,
  'AuditEntry.actor': 10,
  'AuditEntry.structure': 10,
  'AuditEntry.subjectUser': 10,
  'NearbyHelp.structure': 10,
  'ScaleBandInfo.helplines': 10,
  'SelfAssessmentResult.helplines': 10,
  'SelfAssessmentResult.nearby': 100,
};

type Complexity = number | { field?: number; multiplier?: number };
type ComplexityOption = Complexity | ((args: unknown, ctx: unknown, field: unknown) => Complexity);

function withBase(option: ComplexityOption | undefined, base: number): ComplexityOption {
  const add = (c: Complexity | undefined): Complexity =>
    typeof c === 'object' ? { ...c, field: (c.field ?? 1) + base } : (c ?? 1) + base;
  return typeof option === 'function' ? (args, ctx, field) => add(option(args, ctx, field)) : add(option);
}

/** Adds the base costs to the schema's complexity annotations (read by complexityFromQuery). */
export function addDatabaseCosts(schema: GraphQLSchema): GraphQLSchema {
  const costs = new Map<GraphQLField<unknown, unknown>, number>();
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) costs.set(field, rootFieldCost);
  }
  for (const [coordinate, cost] of Object.entries(fieldCosts)) {
    const [type, name] = coordinate.split('.') as [string, string];
    const owner = schema.getType(type);
    const field = owner && 'getFields' in owner ? owner.getFields()[name] : undefined;
    if (!field) throw new Error(`cost.ts names ${coordinate}, which the schema lacks`);
    costs.set(field as GraphQLField<unknown, unknown>, cost);
  }
  for (const [field, cost] of costs) {
    const extensions = field.extensions as { complexity?: ComplexityOption };
    extensions.complexity = withBase(extensions.complexity, cost);
  }
  return schema;
}
