import { once } from 'node:events';
import { ApolloServer } from '@apollo/server';
import { stringify } from 'csv-stringify';
import express from 'express';
import { GraphQLError, GraphQLFormattedError, GraphQLSchema, parse } from 'graphql';
import { RequestContext } from '../context/context';
import { ContextFactory } from '../context/create-context';
import { SIGNED_IN_LIMITS } from '../limits/limits';
import { AFTER, AskApollo, ExportPlan, ExportRefusal, FIRST, PAGE_INFO, planExport, TOTAL } from './csv-export-document';

/** The most rows one export holds (README, "Analysts: CSV exports"). */
export const EXPORT_MAX_ROWS = 100_000;

export interface CsvExportOptions {
  apollo: ApolloServer<RequestContext>;
  createContext: ContextFactory;
  schema: GraphQLSchema;
  /** The server's formatError: errors of a context that could not be built leave as /graphql's do. */
  formatError: (formatted: GraphQLFormattedError, error?: unknown) => GraphQLFormattedError;
  maxRows?: number;
}

interface Page {
  /** The status /graphql would answer with, when Apollo set one (a refused document: 400). */
  status?: number;
  headers?: Iterable<[string, string]>;
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

interface ConnectionPage {
  edges: Record<string, unknown>[];
  [PAGE_INFO]: { hasNextPage: boolean; endCursor: string | null };
  [TOTAL]?: number;
}

/**
 * POST /graphql/export.csv: a query's root connection as CSV (README, "Analysts: CSV exports").
 *
 * The body and headers are those of /graphql ({ query, variables, operationName }; Authorization,
 * X-Alliance-Id). The document is a query whose one root field returns a connection; the server pages
 * through it, each page a request of its own through Apollo's executeOperation with a context built
 * as /graphql builds one (so the rules, redactions, limits, plugins and the second wall all apply, and
 * each page's transaction ends when its page does: no connection is held while the client reads). The
 * CSV's columns are the node's selected leaves; rows are written as each page arrives, with the
 * client's pace (backpressure), by csv-stringify.
 *
 * Refusals before the first byte are JSON, as /graphql's, with the status of the first error's code.
 * A failure after the first byte (a later page refused, the row cap passed while the list grew)
 * destroys the connection before the end of the chunked body: clients see a truncated transfer (fetch
 * rejects while reading, curl exits 18), never a file that looks complete.
 */
export function csvExport(options: CsvExportOptions): express.RequestHandler {
  const { apollo, createContext, schema, formatError } = options;
  const maxRows = options.maxRows ?? EXPORT_MAX_ROWS;

  return async (req, res) => {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendErrors(res, 405, [refusal('BAD_REQUEST', 'an export is a POST of { query, variables, operationName } as JSON, as to /graphql')]);
    }
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    const variables = body?.variables ?? {};
    const operationName = body?.operationName ?? undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string' || !body.query || typeof variables !== 'object' || Array.isArray(variables) || (operationName !== undefined && typeof operationName !== 'string')) {
      return sendErrors(res, 400, [refusal('BAD_REQUEST', 'an export is a POST of { query, variables, operationName } as JSON (Content-Type: application/json), as to /graphql')]);
    }
    // The public surface is read page by page; an export is for signed-in callers.
    if (!req.headers.authorization) return sendErrors(res, 401, [refusal('UNAUTHENTICATED', 'sign in to export')]);

    const open = async (): Promise<RequestContext | Page> => {
      try {
        return await createContext({ requestId: String(req.id), log: req.log, authorization: req.headers.authorization, allianceHeader: req.header('x-alliance-id') });
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const status = (error.extensions.http as { status?: number } | undefined)?.status;
        return { status: status ?? 400, errors: [formatError(error.toJSON(), error)] };
      }
    };
    /** One page, as /graphql would run it; its transaction is over when this returns. */
    const run = async (ctx: RequestContext, query: string, pageVariables: Record<string, unknown>, name = operationName as string | undefined): Promise<Page> => {
      try {
        const response = await apollo.executeOperation({ query, variables: pageVariables, operationName: name }, { contextValue: ctx });
        if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
        const { data, errors } = response.body.singleResult;
        // Positions in the rewritten document would mislead the caller, who sent another text.
        const located = query !== body.query;
        return { status: response.http.status, headers: response.http.headers, data: data as Page['data'], errors: located ? errors?.map(({ locations: _locations, ...error }) => error) : errors };
      } finally {
        await ctx.end(false);
      }
    };
    const page = async (query: string, pageVariables: Record<string, unknown>, name: string | undefined): Promise<Page> => {
      const ctx = await open();
      return 'em' in ctx ? run(ctx, query, pageVariables, name) : ctx;
    };

    // The caller is known before the document is looked at, as on /graphql.
    const first = await open();
    if (!('em' in first)) return sendPage(res, first);
    let plan: ExportPlan;
    try {
      plan = planExport(schema, parse(body.query, { maxTokens: SIGNED_IN_LIMITS.tokens }), operationName as string | undefined, variables as Record<string, unknown>);
    } catch (error) {
      if (error instanceof ExportRefusal) {
        await first.end(false);
        return sendErrors(res, 400, [refusal('BAD_REQUEST', error.message)]);
      }
      if (!(error instanceof AskApollo || error instanceof GraphQLError)) {
        await first.end(false);
        throw error;
      }
      // A document that does not parse, or names an unknown operation or root field: Apollo refuses
      // it in its own words, and nothing runs.
      const answer = await run(first, body.query, variables as Record<string, unknown>);
      return sendPage(res, answer.errors?.length ? answer : { status: 400, errors: [refusal('BAD_REQUEST', 'this document cannot be exported')] });
    }

    const pageVariables = (after: string | null) => ({ ...plan.variables, [FIRST]: plan.pageSize, [AFTER]: after });
    let result = await run(first, plan.firstPage, pageVariables(plan.startAfter), plan.operationName);
    if (result.errors?.length || !result.data) return sendPage(res, result);
    let connection = result.data[plan.rootKey] as ConnectionPage;
    const total = connection[TOTAL];
    if (plan.startAfter === null && typeof total === 'number' && total > maxRows) {
      return sendErrors(res, 400, [refusal('BAD_REQUEST', `this export would hold ${total} rows, more than the ${maxRows} an export may hold: narrow it with a filter`, { rows: total, maxRows })]);
    }

    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${plan.rootField}.csv"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const csv = stringify({ bom: true, record_delimiter: 'windows', cast: CAST });
    csv.pipe(res);
    let gone = false;
    const closed = once(res, 'close').then(() => void (gone = true));
    const write = async (record: unknown[]) => {
      if (!csv.write(record)) await Promise.race([once(csv, 'drain'), closed]);
    };
    const abort = (reason: string, details: object = {}) => {
      req.log.warn({ ...details, rows: written, export: plan.rootField }, `CSV export aborted: ${reason}`);
      csv.unpipe(res);
      csv.destroy();
      res.destroy();
    };

    let written = 0;
    try {
      await write(plan.columns.map((path) => path.join('.')));
      for (;;) {
        for (const edge of connection.edges) {
          if (gone) return;
          if (written === maxRows) return abort('more rows than an export may hold');
          await write(rowOf(edge[plan.nodeKey], plan.columns));
          written++;
        }
        const { hasNextPage, endCursor } = connection[PAGE_INFO];
        if (!hasNextPage || gone) break;
        if (!endCursor) return abort('a page without an end cursor');
        // A page that finds the caller's request budget spent waits as long as it is told to, then
        // runs: the export spends what its pages would, at the pace the budget allows.
        for (let attempt = 1; ; attempt++) {
          result = await page(plan.nextPages, pageVariables(endCursor), plan.operationName);
          if (gone) return;
          const wait = result.errors?.[0]?.extensions?.code === 'RATE_LIMITED' && attempt < MAX_BUDGET_WAITS ? retryAfter(result) : undefined;
          if (wait === undefined) break;
          await Promise.race([new Promise((resolve) => setTimeout(resolve, wait * 1000).unref()), closed]);
          if (gone) return;
        }
        if (result.errors?.length || !result.data) return abort('a page was refused', { errors: result.errors?.map((e) => e.extensions?.code ?? e.message) });
        connection = result.data[plan.rootKey] as ConnectionPage;
        if (connection[PAGE_INFO].endCursor === endCursor && connection[PAGE_INFO].hasNextPage) return abort('the list did not move on');
      }
    } catch (error) {
      if (!gone) abort('an unexpected error', { err: error });
      return;
    }
    if (gone) return;
    csv.end();
    await closed;
  };
}

/** How many times an export waits for the request budget before it gives up (and aborts). */
const MAX_BUDGET_WAITS = 10;

/** Seconds to wait before the page may run again: Retry-After, at least 1 and at most a minute. */
function retryAfter(page: Page): number {
  const header = [...(page.headers ?? [])].find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = Number(header ?? page.errors?.[0]?.extensions?.retryAfterSeconds ?? 1);
  return Number.isFinite(seconds) ? Math.min(60, Math.max(1, Math.ceil(seconds))) : 1;
}

/**
 * Cells are written as the query answers them: strings as they are (a formula's first character
 * neutralised), numbers as numbers, booleans as true/false, nulls empty, other JSON values as JSON.
 */
const CAST = {
  string: (value: string) => neutralise(value),
  boolean: (value: boolean) => (value ? 'true' : 'false'),
  object: (value: object) => neutralise(JSON.stringify(value)),
};

/**
 * Formula injection (CSV injection): a spreadsheet runs a cell that begins with = + - @ (or a tab or
 * carriage return, which some read past) as a formula. Such a cell gets a leading apostrophe, as
 * OWASP's guidance recommends, so it is shown as text. A number is written as a number and is safe.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A node's row: each column's value, lists on the way joined with "; ", nulls and missing values empty. */
export function rowOf(node: unknown, columns: string[][]): unknown[] {
  return columns.map((path) => cellOf(node, path));
}

function cellOf(node: unknown, path: string[]): unknown {
  const values: unknown[] = [];
  let listed = false;
  const walk = (value: unknown, depth: number) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      listed = true;
      for (const item of value) walk(item, depth);
    } else if (depth === path.length) values.push(value);
    else if (typeof value === 'object') walk((value as Record<string, unknown>)[path[depth]], depth + 1);
  };
  walk(node, 0);
  if (!listed) return values[0] ?? null;
  return values.map((v) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
}

const refusal = (code: string, message: string, details: Record<string, unknown> = {}): GraphQLFormattedError => ({ message, extensions: { code, ...details } });

const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
};

/**
 * A refused page as JSON, with the body /graphql would give. Where /graphql answers 200 with the
 * error in `errors` (a field refused during execution), the whole export is refused, so the status is
 * the first error's code's: FORBIDDEN 403, UNAUTHENTICATED 401, BAD_USER_INPUT 400, others 500.
 */
function sendPage(res: express.Response, page: Page): void {
  const code = String(page.errors?.[0]?.extensions?.code ?? '');
  const status = page.status && page.status >= 400 ? page.status : (STATUS_OF_CODE[code] ?? 500);
  for (const [name, value] of page.headers ?? []) {
    // Apollo's own headers that say something about a refusal (Retry-After, say); not its content type or caching.
    if (!/^(content-type|content-length|cache-control|vary)$/i.test(name)) res.setHeader(name, value);
  }
  sendErrors(res, status, page.errors ?? [], page.data === undefined ? undefined : page.data);
}

function sendErrors(res: express.Response, status: number, errors: readonly GraphQLFormattedError[], data?: Page['data']): void {
  res.status(status).json({ errors, ...(data !== undefined ? { data } : {}) });
}
