import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { applyMiddlewareToDeclaredResolvers } from 'graphql-middleware';
import { buildSchemaSync, NonEmptyArray } from 'type-graphql';
import { permissions, redactions } from './auth/permissions';
import { AllianceResolver } from './modules/alliances/alliances.resolver';
import { SchoolMembershipResolver } from './modules/alliances/school-membership.resolver';
import { AreaOfExpertiseResolver } from './modules/areas-of-expertise/areas-of-expertise.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { PeopleStatisticsResolver } from './modules/people/people-statistics.resolver';
import { PeopleResolver } from './modules/people/people.resolver';
import { SchoolResolver } from './modules/schools/schools.resolver';
import { ViewerMembershipResolver, ViewerResolver } from './modules/viewer/viewer.resolver';

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
];

let base: GraphQLSchema | undefined;
let guarded: GraphQLSchema | undefined;

/** The schema as type-graphql builds it, before permissions: what the coverage test inspects. */
export function getBaseSchema(): GraphQLSchema {
  base ??= buildSchemaSync({ resolvers, validate: false });
  return base;
}

/**
 * The executable schema: permissions and redactions wrap declared resolvers only. Wrapping every
 * field measured several times slower on large nested lists; the coverage test is what makes sure
 * no rule is forgotten (SECURITY.md S5, S6).
 */
export function getSchema(): GraphQLSchema {
  guarded ??= applyMiddlewareToDeclaredResolvers(getBaseSchema(), permissions, redactions);
  return guarded;
}

/** The SDL committed as schema/schema.graphql; sorted so that it diffs cleanly. */
export function printSdl(schema: GraphQLSchema = getBaseSchema()): string {
  return `# Generated from the code by \`npm run schema:emit\`; a test fails when this file is stale.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
