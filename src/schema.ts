import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, NonEmptyArray } from 'type-graphql';
import { AllianceResolver } from './modules/alliances/alliances.resolver';
import { SchoolMembershipResolver } from './modules/alliances/school-membership.resolver';
import { AreaOfExpertiseResolver } from './modules/areas-of-expertise/areas-of-expertise.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { SchoolResolver } from './modules/schools/schools.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [NodeResolver, SchoolResolver, AllianceResolver, SchoolMembershipResolver, AreaOfExpertiseResolver];

let built: GraphQLSchema | undefined;

/** The executable schema, built once per process. */
export function getSchema(): GraphQLSchema {
  built ??= buildSchemaSync({ resolvers, validate: false });
  return built;
}

/** The SDL committed as schema/schema.graphql; sorted so that it diffs cleanly. */
export function printSdl(schema: GraphQLSchema = getSchema()): string {
  return `# Generated from the code by \`npm run schema:emit\`; a test fails when this file is stale.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
