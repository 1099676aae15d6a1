import { BadUserInput } from './errors';
import { isUuid } from './text';

/**
 * Relay ids are opaque: base64url of "<Type>:<uuid>". Clients must not build them, and the type
 * prefix lets `node(id)` route without a lookup table.
 */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Undefined for anything that is not a well-formed id, so a made-up id reads as "not found". */
export function fromGlobalId(globalId: string): { type: string; id: string } | undefined {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  return isUuid(id) ? { type, id: id.toLowerCase() } : undefined;
}

/** For an id argument that must name one type; a wrong one is the caller's mistake, not a miss. */
export function expectGlobalId(globalId: string, type: string, field: string): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw new BadUserInput(`${field} is not a ${type} id`, field);
  return parsed.id;
}
