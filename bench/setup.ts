import { Client } from 'pg';
import { Logger } from 'typeorm';

/** Cleanups run in reverse order of registration, whatever failed in between. */
export type Cleanups = (() => Promise<void>)[];

// A request's transaction control (issue 6: BEGIN, role and settings, COMMIT) is not data access.
const TRANSACTION_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET\b|RESET\b|SELECT\s+set_config\()/i;

export interface Statement {
  sql: string;
  parameters: unknown[];
  /** The request's transaction start, with its role and settings: the plan is read under the same row-level security. */
  settings?: string;
}

/** Counts the data statements the data source sends (transaction control aside); off by default. */
export class StatementCounter implements Logger {
  enabled = false;
  statements: Statement[] = [];
  private settings?: string;
  logQuery(query: string, parameters?: unknown[]) {
    if (!this.enabled) return;
    if (/set_config\('app\./.test(query)) this.settings = query;
    // A request's end: the next one's identity read runs before its settings, with the owner's rights.
    else if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query)) this.settings = undefined;
    if (!TRANSACTION_CONTROL.test(query)) this.statements.push({ sql: query, parameters: parameters ?? [], settings: this.settings });
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  /** The statements `work` sends (nothing else may run meanwhile). */
  async record(work: () => Promise<unknown>): Promise<Statement[]> {
    this.statements = [];
    this.settings = undefined;
    this.enabled = true;
    try {
      await work();
      return this.statements;
    } finally {
      this.enabled = false;
    }
  }
}

/**
 * Data statements as the database counts them, from pg_stat_statements, when the server has it
 * loaded (shared_preload_libraries); undefined otherwise, and the driver's count is used instead.
 */
export async function openStatementStats(url: string): Promise<{ calls: () => Promise<number>; close: () => Promise<void> } | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
  } catch {
    await client.end();
    return undefined;
  }
  return {
    calls: async () => {
      const { rows } = await client.query<{ n: string }>(
        `SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND query !~* '^\\s*(BEGIN|START|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|RESET|SELECT\\s+set_config\\()'
            AND query !~* 'pg_stat_statements'`,
      );
      return Number(rows[0].n);
    },
    close: () => client.end(),
  };
}

export interface PlanFacts {
  /** Tables over `minRows` rows that the plan reads with a sequential scan. */
  sequentialScans: string[];
  /** Shared buffers the statement touched (hit or read): its data volume, whatever the machine's load. */
  buffers: number;
  executionMs: number;
}

/** EXPLAIN ANALYZE of a statement the API sent (read-only statements only: the reference queries read). */
export async function planFacts(client: Client, statement: Statement, minRows: number): Promise<PlanFacts> {
  // As the request ran it: the runtime role with the request's settings, so the policies' own reads
  // (a scan the second wall adds) are in the plan; read-only, and rolled back.
  await client.query(statement.settings ?? 'START TRANSACTION');
  let rows: { 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }[];
  try {
    ({ rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, statement.parameters));
  } finally {
    await client.query('ROLLBACK');
  }
  const found: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) found.push(node['Relation Name']);
    node.Plans?.forEach(walk);
  };
  const top = rows[0]['QUERY PLAN'][0];
  walk(top.Plan);
  const buffers = (top.Plan['Shared Hit Blocks'] ?? 0) + (top.Plan['Shared Read Blocks'] ?? 0);
  if (!found.length) return { sequentialScans: [], buffers, executionMs: top['Execution Time'] };
  const sizes = await client.query<{ relname: string; n: number }>('SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relname = ANY($1)', [found]);
  const large = sizes.rows.filter((r) => Number(r.n) > minRows).map((r) => `${r.relname} (${Number(r.n).toLocaleString('en-GB')} rows)`);
  return { sequentialScans: large, buffers, executionMs: top['Execution Time'] };
}

interface PlanNode {
  'Node Type': string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
