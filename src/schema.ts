import 'reflect-metadata';
import { GraphQLFieldResolver, GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { applyMiddlewareToDeclaredResolvers, IMiddlewareFieldMap, IMiddlewareGenerator } from 'graphql-middleware';
import { buildSchemaSync, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { permissions, redactions, rules } from './auth/permissions';
import { AllianceResolver } from './modules/alliances/alliances.resolver';
import { SchoolMembershipResolver } from './modules/alliances/school-membership.resolver';
import { AreaOfExpertiseResolver } from './modules/areas-of-expertise/areas-of-expertise.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { PeopleStatisticsResolver } from './modules/people/people-statistics.resolver';
import { DeploymentStatisticsResolver } from './modules/statistics/deployment-statistics.resolver';
import { DesignationStatisticsResolver } from './modules/statistics/designation-statistics.resolver';
import { PeopleResolver } from './modules/people/people.resolver';
import { SchoolResolver } from './modules/schools/schools.resolver';
import { DesignationResolver } from './modules/designations/designations.resolver';
import { RecruitmentRoundResolver } from './modules/recruitment/recruitment.resolver';
import { ViewerMembershipResolver, ViewerResolver } from './modules/viewer/viewer.resolver';
import { SupportRequestResolver } from './modules/support-requests/support-requests.resolver';
import { DeploymentResolver, DeploymentSignatureResolver, DesignationCapacityResolver } from './modules/deployments/deployments.resolver';
import { DeploymentSessionResolver, DeploymentSessionsResolver } from './modules/deployments/sessions.resolver';
import { DeploymentCostResolver } from './modules/deployments/cost.resolver';
import { BrokerMatchResolver } from './modules/deployments/broker-matches.resolver';
import { DeploymentEvaluationResolver } from './modules/deployments/evaluation.resolver';
import { PublicationResolver } from './modules/pedex/publication.resolver';
import { PublishedResearchResolver } from './modules/pedex/published.resolver';
import { ConferenceEventResolver, ConferencePresentationResolver, ConferenceSessionResolver } from './modules/conference/conference.resolver';
import { ResearchProjectMemberResolver, ResearchProjectResolver } from './modules/research/research-projects.resolver';
import { ResearchCallResolver, ResearchInterestResolver } from './modules/research/calls.resolver';
import { ProgrammeCohortResolver, ProgrammeDayResolver, ProgrammeEnrolmentResolver, ProgrammeResolver } from './modules/programmes/programmes.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  ViewerResolver,
  ViewerMembershipResolver,
  SchoolResolver,
  AllianceResolver,
  SchoolMembershipResolver,
  AreaOfExpertiseResolver,
  PeopleResolver,
  PeopleStatisticsResolver,
  DeploymentStatisticsResolver,
  DesignationStatisticsResolver,
  AuditResolver,
  DesignationResolver,
  RecruitmentRoundResolver,
  ProgrammeResolver,
  ProgrammeCohortResolver,
  ProgrammeDayResolver,
  ProgrammeEnrolmentResolver,
  DeploymentSessionResolver,
  DeploymentSessionsResolver,
  DeploymentCostResolver,
  SupportRequestResolver,
  DeploymentResolver,
  DeploymentSignatureResolver,
  DesignationCapacityResolver,
  BrokerMatchResolver,
  DeploymentEvaluationResolver,
  ConferenceEventResolver,
  ConferenceSessionResolver,
  ConferencePresentationResolver,
  PublicationResolver,
  PublishedResearchResolver,
  ResearchProjectResolver,
  ResearchProjectMemberResolver,
  ResearchCallResolver,
  ResearchInterestResolver,
];

let base: GraphQLSchema | undefined;
let guarded: GraphQLSchema | undefined;

/** The schema as type-graphql builds it, before permissions: what the coverage test inspects. */
export function getBaseSchema(): GraphQLSchema {
  base ??= buildSchemaSync({ resolvers, validate: false });
  return base;
}

/**
 * The executable schema. Permissions wrap only the fields the map names (every root field, through
 * the root types' wildcard, and the named fields of other types), and redactions only theirs: a
 * field the map does not name runs its resolver directly, with no rule evaluation per value. The
 * coverage test is what makes sure no rule is forgotten (SECURITY.md S5, S6).
 */
export function getSchema(): GraphQLSchema {
  if (!guarded) {
    const schema = getBaseSchema();
    readGettersDirectly(schema);
    guarded = applyMiddlewareToDeclaredResolvers(schema, namedFieldsOnly(permissions, rules, schema), redactions);
    resolveLazyValues(guarded);
  }
  return guarded;
}

/**
 * The rules shield generates for the fields `ruleMap` names, and for every field of a type whose
 * map has a wildcard; shield itself would wrap every field of every type with its fallback rule.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function namedFieldsOnly(generator: IMiddlewareGenerator<any, any, any>, ruleMap: Record<string, Record<string, unknown>>, schema: GraphQLSchema): IMiddlewareFieldMap {
  const generated = generator.generate(schema) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(ruleMap).map(([type, fields]) => {
      const all = generated[type];
      if (!all) throw new Error(`the permissions map names ${type}, which the schema does not have`);
      const names = '*' in fields ? Object.keys(all) : Object.keys(fields);
      return [type, Object.fromEntries(names.map((field) => [field, all[field]]))];
    }),
  ) as IMiddlewareFieldMap;
}

/**
 * Fields that are getters of their entity (a Node's `id` is its `globalId`, a school's `phase`, a
 * person's `displayName`) read the getter directly. type-graphql gives each a resolver that runs its
 * per-call machinery (converting the source to its class, middleware and argument handling) for every
 * value of every row; for a source that already is an instance of the class the getter's value is
 * the same. Done before the rules are applied, so a rule on such a field (Person.id) wraps this.
 */
function readGettersDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const getters = storage.fieldResolvers.filter((r) => r.kind === 'internal' && !r.middlewares?.length && !r.params?.length);
  const external = storage.fieldResolvers.filter((r) => r.kind === 'external');
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    const cls = objectType.target as Function;
    for (const [name, field] of Object.entries(type.getFields())) {
      const declared = field.resolve;
      if (!declared || field.args.length) continue;
      const getter = getters.find((r) => r.schemaName === name && (r.target === cls || cls.prototype instanceof r.target));
      if (!getter || external.some((r) => r.schemaName === name && r.getObjectType?.() === cls)) continue;
      const property = getter.methodName;
      field.resolve = (source: Record<string, unknown>, args, ctx, info) => (source instanceof cls ? source[property] : declared(source, args, ctx, info));
    }
  }
}

/**
 * A connection's totalCount is a function, so that the count runs only when asked for. graphql-js
 * calls a function-valued property; the compiled executor reads properties as they are, so these
 * fields get a resolver that calls it.
 */
function resolveLazyValues(schema: GraphQLSchema): void {
  const callIfFunction: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) => {
    const value = source[info.fieldName];
    return typeof value === 'function' ? (value as () => unknown).call(source) : value;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const totalCount = type.getFields().totalCount;
    if (totalCount && !totalCount.resolve) totalCount.resolve = callIfFunction;
  }
}

/** The SDL committed as schema/schema.graphql; sorted so that it diffs cleanly. */
export function printSdl(schema: GraphQLSchema = getBaseSchema()): string {
  return `# Generated from the code by \`npm run schema:emit\`; a test fails when this file is stale.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
