import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { Loaders, selectFields } from '../loaders';
import { Selection, selectionOf } from '../loaders/selection';

export interface CompiledExecutorOptions {
  /** Compiled documents kept, least recently used first out. Each costs some kB of generated code. */
  maxDocuments?: number;
}

/**
 * A bounded least-recently-used cache of compiled documents. A Map keeps insertion order, so the
 * first key is the least recently used one once every hit is moved to the end.
 */
export interface CompiledDocument {
  /** The compiled query, or the errors compilation found. */
  compiled: CompiledQuery | ExecutionResult;
  /** The fields the document selects by type: what the request's loaders read. */
  selection: Selection;
}

export class CompiledDocuments<T = CompiledDocument> {
  private readonly entries = new Map<string, T>();
  constructor(readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, compile: () => T): T {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      entry = compile();
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    return entry;
  }
}

/**
 * Executes operations with graphql-jit instead of graphql-js: the document is compiled once into
 * plain JavaScript for this schema and reused, which avoids graphql-js's per-field promise and
 * completion machinery. Apollo still parses, validates (limits included), runs its plugins and
 * formats errors; only execution changes.
 *
 * Differences from graphql-js that the schema must allow for (test/compiled-executor.test.ts):
 * a plain field whose value is a function is not called (fields holding functions need a resolver,
 * see src/schema.ts); errors without extensions and refused variables need the fixes below; the
 * reason a variable is refused is worded a little differently, and `data` comes before `errors`.
 * Everything else (errors with codes and paths, null propagation, redactions, abstract types and
 * the Node interface, variables, custom scalars) answers as graphql-js does.
 */
export function compiledExecutor(schema: GraphQLSchema, options: CompiledExecutorOptions = {}): { executor: GatewayExecutor; documents: CompiledDocuments } {
  const documents = new CompiledDocuments(options.maxDocuments ?? 1000);
  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operationName, queryHash, request, context } = requestContext;
    const { compiled, selection } = documents.get(`${queryHash}:${operationName ?? ''}`, () => ({
      compiled: compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true }),
      selection: selectionOf(schema, document),
    }));
    if (!isCompiledQuery(compiled)) return compiled as ExecutionResult as never;
    selectFields((context as { loaders?: Loaders }).loaders, selection);
    const result = await compiled.query(undefined, context, request.variables ?? {});
    if (!result.errors?.length) return result as never;
    // No data at all: the variables were refused before execution. graphql-js's errors for that carry
    // the variable's definition, which Apollo recognises as BAD_USER_INPUT; graphql-jit's do not.
    if (result.data === undefined) return { errors: result.errors.map((error) => asGraphQLError(error, 'BAD_USER_INPUT')) } as never;
    return { ...result, errors: result.errors.map((error) => asGraphQLError(error)) } as never;
  };
  return { executor, documents };
}

/**
 * graphql-jit's errors are GraphQLErrors without `extensions` when the thrown error had none (a
 * driver error, say), which Apollo's error formatting cannot read; the same error as graphql-js
 * makes it, with the path, locations and original error kept.
 */
function asGraphQLError(error: GraphQLError, code?: string): GraphQLError {
  const extensions = { ...error.extensions, ...(code && !error.extensions?.code ? { code } : {}) };
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions });
  (copy as { locations?: unknown }).locations = error.locations;
  return copy;
}

/** Apollo Server 5's gateway interface around one fixed schema and the compiled executor. */
export function compiledGateway(schema: GraphQLSchema, options: CompiledExecutorOptions = {}): GatewayInterface & { documents: CompiledDocuments } {
  const { executor, documents } = compiledExecutor(schema, options);
  return {
    documents,
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
