import { EntityManager } from 'typeorm';
import { Logger } from '../common/logger';
import { Loaders } from '../loaders';

/** Everything a rule, resolver or service may know about the request. Nothing else reads headers. */
export interface RequestContext {
  requestId: string;
  log: Logger;
  /** The request's own EntityManager: all of a request's SQL goes through it. */
  em: EntityManager;
  loaders: Loaders;
}
