import { EntityTarget, ObjectLiteral } from 'typeorm';
import { Conflict, Forbidden, NotFound } from '../common/errors';
import { Acting } from '../context/context';
import { LoaderScope, scopedQuery, Visibility } from './helpers';

interface ForChange {
  /** How a refusal names the row: "designation", "deployment". */
  what: string;
  visible: (acting: Acting) => Visibility;
  /** The refusal for a row the caller sees but may not change. */
  forbidden: string;
}

/**
 * The row a change names, locked for the rest of the transaction, if the caller may see it (another
 * alliance's, or one the role does not see, reads as not found, like one that does not exist), at
 * the version the caller read (a newer one is a CONFLICT). One the caller sees but may not change is
 * FORBIDDEN: the second wall's update policy does not let them lock it, as a head's directory entry
 * at another school.
 */
export async function rowForChange<E extends ObjectLiteral & { version: number }>(
  scope: LoaderScope,
  entity: EntityTarget<E>,
  id: string,
  expectedVersion: number | null | undefined,
  options: ForChange,
): Promise<E> {
  const visible = () => scopedQuery(scope, entity, { visible: options.visible })?.andWhere('e.id = :id', { id });
  const row = await visible()?.setLock('pessimistic_write').getOne();
  if (!row) {
    if (await visible()?.getExists()) throw new Forbidden(options.forbidden);
    throw new NotFound(options.what);
  }
  if (expectedVersion != null && expectedVersion !== row.version) {
    throw new Conflict(`the ${options.what} changed since version ${expectedVersion}; it is now at version ${row.version}`);
  }
  return row;
}
