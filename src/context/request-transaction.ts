import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { PUBLIC_ROLE, RUNTIME_ROLE } from '../../migrations/support/row-level-security';
import { isUuid } from '../common/text';
import { ActingRole } from '../modules/users/user-enums';
import { measureConnection, notePoolWait, RequestMeasure } from '../ops/metrics';
import type { Acting, Viewer } from './context';

/**
 * A request's own transaction on one pooled connection (SECURITY.md, "Second wall"). Its settings
 * (the runtime role, the acting alliance, the role and the caller's own ids) are set with
 * set_config(..., true), so they live and die with the transaction: nothing a request sets can reach
 * the next request on the same connection, whatever happened to this one.
 */
export interface RequestTransaction {
  em: EntityManager;
  /** Switches to the runtime role and records who acts for which alliance. Until then the owner's rights apply (identity). */
  actAs(viewer: Viewer | null, acting: Acting | null): Promise<void>;
  /**
   * Commits (or, with false, rolls back) and returns the connection. True when the work was committed:
   * a transaction that a failed statement aborted is rolled back instead. Safe to call more than once.
   */
  end(commit: boolean): Promise<boolean>;
}

interface PoolClientLike {
  query(sql: string): Promise<{ command: string }>;
}

export async function beginRequestTransaction(dataSource: DataSource, measure?: RequestMeasure): Promise<RequestTransaction> {
  const runner = dataSource.createQueryRunner();
  notePoolWait(dataSource, measure);
  try {
    await runner.connect();
  } catch (error) {
    await destroy(runner, error);
    throw error;
  }
  // Every statement on this connection until it is given back is the request's (/metrics).
  measureConnection(clientOf(runner), measure);
  const connection = serialize(runner);
  keepOpenUntilEnd(runner);
  let ending: Promise<boolean> | undefined;
  return {
    em: runner.manager,
    async actAs(viewer, acting) {
      const settings: [string, string][] = [
        // Anonymous callers read published research only, and only its public columns.
        ['role', viewer ? RUNTIME_ROLE : PUBLIC_ROLE],
        ['app.alliance_id', acting?.allianceId ?? ''],
        // No acting alliance: an empty tenant, which no tenant row matches.
        ['app.role', acting?.role ?? (viewer ? 'SIGNED_IN' : 'ANONYMOUS')],
        ['app.user_id', viewer?.user.id ?? ''],
        ['app.person_id', acting?.personId ?? ''],
        ['app.school_id', acting?.schoolId ?? ''],
      ];
      // Checked, so that they can be written into the statement: ids are uuids, roles are our own words.
      for (const [name, value] of settings) {
        const valid = name === 'role' ? value === RUNTIME_ROLE || value === PUBLIC_ROLE : name === 'app.role' ? SETTABLE_ROLES.has(value) : value === '' || isUuid(value);
        if (!valid) throw new Error(`${name} cannot be set to that value`);
      }
      // One round trip: the transaction starts and its settings are made together (a simple-protocol
      // statement may hold two); the identity lookup before it ran outside, with the owner's rights.
      Object.assign(runner as unknown as RunnerState, { transactionDepth: 1, isTransactionActive: true });
      await runner.query(`START TRANSACTION; SELECT ${settings.map(([name, value]) => `set_config('${name}', '${value}', true)`).join(', ')}`);
    },
    end(commit) {
      ending ??= finish(runner, connection, commit);
      return ending;
    },
  };
}

/** Every acting role, and the two callers that act for no alliance. The policies know no other word. */
const SETTABLE_ROLES: ReadonlySet<string> = new Set([...Object.values(ActingRole), 'SIGNED_IN', 'ANONYMOUS']);

/**
 * Only `end` finishes the request's transaction. A mutation's `em.transaction` is a savepoint inside
 * it; if TypeORM tried to finish the request's own transaction (a SAVEPOINT refused because a failed
 * statement aborted the transaction makes it roll back at the outer level), or to start a new one
 * after it, later work would run outside it, as the owner, and commit on its own. Refused instead.
 */
function keepOpenUntilEnd(runner: QueryRunner): void {
  const state = runner as unknown as RunnerState;
  const [start, commit, rollback] = [runner.startTransaction.bind(runner), runner.commitTransaction.bind(runner), runner.rollbackTransaction.bind(runner)];
  const refuse = () => Promise.reject(new Error('only the end of the request finishes its transaction'));
  runner.startTransaction = (isolation) => (state.transactionDepth >= 1 ? start(isolation) : refuse());
  runner.commitTransaction = () => (state.transactionDepth > 1 ? commit() : refuse());
  runner.rollbackTransaction = () => (state.transactionDepth > 1 ? rollback() : refuse());
}

/** What TypeORM keeps of a runner's transaction, set by hand when the transaction is started with its settings. */
interface RunnerState {
  transactionDepth: number;
  isTransactionActive: boolean;
}

interface Serialized {
  /** Set by end(): statements the request sends from then on are refused, never run outside its transaction. */
  closed: boolean;
  /** Runs after every statement sent so far, bypassing `closed`: for COMMIT and ROLLBACK. */
  last<T>(sql: () => Promise<T>): Promise<T>;
}

/**
 * One connection takes one statement at a time: DataLoader batches of parallel fields are queued in
 * the order they were sent (not left to the driver's deprecated implicit queue), and once the
 * request has ended nothing more reaches its connection.
 */
function serialize(runner: QueryRunner): Serialized {
  const query = runner.query.bind(runner);
  let queue: Promise<unknown> = Promise.resolve();
  const state: Serialized = {
    closed: false,
    last(sql) {
      const result = queue.then(sql);
      queue = result.catch(() => undefined);
      return result;
    },
  };
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    if (state.closed) return Promise.reject(new Error('the request has ended; its transaction is closed'));
    return state.last(() => query(...args));
  }) as QueryRunner['query'];
  return state;
}

async function finish(runner: QueryRunner, connection: Serialized, commit: boolean): Promise<boolean> {
  if (runner.isReleased) return false;
  connection.closed = true;
  const client = clientOf(runner);
  const depth = (runner as unknown as RunnerState).transactionDepth;
  try {
    // Ended before its transaction began (a refused token, an unknown alliance): nothing to undo.
    if (!runner.isTransactionActive) {
      await connection.last(async () => undefined);
      measureConnection(client, undefined);
      await runner.release();
      return false;
    }
    const committed = await connection.last(async () => {
      // After every statement sent before end(). A savepoint still open means the request was cut
      // off inside a mutation: roll it all back. PostgreSQL answers COMMIT of a transaction that a
      // failed statement aborted with ROLLBACK, which is how a silent loss is told apart.
      if (!commit || depth !== 1) {
        await client!.query('ROLLBACK');
        return false;
      }
      return (await client!.query('COMMIT')).command === 'COMMIT';
    });
    measureConnection(client, undefined);
    await runner.release();
    return committed;
  } catch (error) {
    await destroy(runner, error);
    return false;
  }
}
/** Returns the connection to the pool as broken, so the pool closes it: the server then rolls back whatever was open. */
async function destroy(runner: QueryRunner, error: unknown): Promise<void> {
  measureConnection(clientOf(runner), undefined);
  await (runner as unknown as { releasePostgresConnection(err: unknown): Promise<void> }).releasePostgresConnection(error ?? new Error('discarded'));
}

const clientOf = (runner: QueryRunner) => (runner as unknown as { databaseConnection?: PoolClientLike }).databaseConnection;
