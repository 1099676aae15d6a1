import { createLoaders } from '../loaders';
import { RequestContext } from './context';

/**
 * Every mutation is one transaction: a savepoint inside the request's own transaction
 * (request-transaction.ts), which only the end of the request commits. The work gets a context whose
 * EntityManager and loaders are the savepoint's, so nothing it reads or writes escapes it, and a
 * thrown error undoes it all.
 */
export function inTransaction<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  return ctx.em.transaction((em) => work({ ...ctx, em, loaders: createLoaders({ em, acting: ctx.acting }) }));
}
