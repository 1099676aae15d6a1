import { DataSource } from 'typeorm';
import { Logger } from '../common/logger';
import { createLoaders } from '../loaders';
import { RequestContext } from './context';

export interface ContextInput {
  requestId: string;
  log: Logger;
  /** The Authorization header, as sent. */
  authorization?: string;
  /** The X-Alliance-Id header, as sent. */
  allianceHeader?: string;
}

/** The per-request context: the request's EntityManager and loaders created for this request alone. */
export async function createContext(dataSource: DataSource, input: ContextInput): Promise<RequestContext> {
  const em = dataSource.manager;
  return {
    requestId: input.requestId,
    log: input.log,
    em,
    loaders: createLoaders({ em, tenantId: null }),
  };
}
