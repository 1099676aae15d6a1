import { performance } from 'node:perf_hooks';
import { DocumentNode, execute, GraphQLSchema, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import pino from 'pino';
import { permissions, redactions } from '../src/auth/permissions';
import { getBaseSchema, getSchema } from '../src/schema';
import { AppServer } from '../src/server';

export interface Timing {
  meanMs: number;
  p50Ms: number;
  minMs: number;
  runs: number;
}

export interface ShieldOverhead {
  declared: Timing;
  everyField: Timing;
  /** everyField mean / declared mean. */
  ratio: number;
}

const silent = pino({ level: 'silent' });

/**
 * SECURITY.md S5, measured: the same query executed in-process (no HTTP, no validation) against the
 * real schema (shield on declared resolvers only) and against one with the same shield on every field.
 * Only `execute` is timed; each run gets a fresh context, since loaders cache per request.
 */
export async function measureShieldOverhead(server: AppServer, token: string, query: string, options: { warmup: number; runs: number; budgetMs: number }): Promise<ShieldOverhead> {
  const document = parse(query);
  const schemas = { declared: getSchema(), everyField: applyMiddleware(getBaseSchema(), permissions, redactions) };
  const once = async (schema: GraphQLSchema): Promise<number> => timeOne(server, token, schema, document);

  for (let i = 0; i < options.warmup; i++) {
    await once(schemas.declared);
    await once(schemas.everyField);
  }
  // Alternating the two spreads drift (GC, the database's caches) evenly over both.
  const samples = { declared: [] as number[], everyField: [] as number[] };
  const deadline = performance.now() + options.budgetMs;
  for (let i = 0; i < options.runs && performance.now() < deadline; i++) {
    samples.declared.push(await once(schemas.declared));
    samples.everyField.push(await once(schemas.everyField));
  }
  const declared = summarise(samples.declared);
  const everyField = summarise(samples.everyField);
  return { declared, everyField, ratio: everyField.meanMs / declared.meanMs };
}

async function timeOne(server: AppServer, token: string, schema: GraphQLSchema, document: DocumentNode): Promise<number> {
  const contextValue = await server.createContext({ requestId: 'bench', log: silent, authorization: `Bearer ${token}` });
  const start = performance.now();
  const result = await execute({ schema, document, contextValue });
  const elapsed = performance.now() - start;
  // Sanity: a denied or failing field would make the comparison meaningless.
  if (result.errors?.length) throw new Error(`in-process execution failed: ${result.errors[0].message}`);
  return elapsed;
}

function summarise(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { meanMs: ms.reduce((s, x) => s + x, 0) / ms.length, p50Ms: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], runs: ms.length };
}
