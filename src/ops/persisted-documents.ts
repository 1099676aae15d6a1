import { createHash } from 'node:crypto';
import express from 'express';
import pedexManifest from '../../operations/generated/pedex/persisted-documents.json';

/**
 * Persisted documents (README, "PedEx: caching and persisted documents"; SECURITY.md D4).
 *
 * The PedEx site's documents (operations/pedex) are hashed by codegen (client-preset
 * `persistedDocuments`) into operations/generated/pedex/persisted-documents.json: `sha256:<hex>` of
 * the printed document → the document. A request names one by id, in either convention:
 *
 * - GraphQL over HTTP, persisted documents (what the client preset writes into each document's
 *   `__meta__.hash`): `GET /graphql?documentId=sha256:<hex>&variables=...`;
 * - Apollo's: `GET /graphql?extensions={"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}&variables=...`.
 *
 * POST bodies may carry the same keys. The server looks the id up in the manifest and runs that
 * text; an unknown id is refused with PERSISTED_QUERY_NOT_FOUND and nothing runs. Nothing is ever
 * registered: Apollo's own automatic persisted queries (a cache anyone could fill) are off.
 *
 * With `anonymousPersistedOnly` (on in production), a request without an Authorization header may
 * only name a document of the manifest; one that sends text is refused with
 * PERSISTED_QUERY_REQUIRED. Signed-in callers send any document as text, as before.
 */
export type Manifest = ReadonlyMap<string, string>;

const SHA256 = /^(?:sha256:)?([0-9a-f]{64})$/i;

/** The manifest, each entry checked: a key that is not the hash of its document is a broken build. */
export function loadManifest(entries: Record<string, string> = pedexManifest as Record<string, string>): Manifest {
  const manifest = new Map<string, string>();
  for (const [id, text] of Object.entries(entries)) {
    const hash = createHash('sha256').update(text).digest('hex');
    if (id !== `sha256:${hash}`) throw new Error(`persisted document ${id} is not the sha256 of its text: run npm run codegen`);
    manifest.set(id, text);
  }
  return manifest;
}

class Refusal {
  constructor(
    readonly code: 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_REQUIRED' | 'BAD_REQUEST',
    readonly message: string,
  ) {}
}

interface Params {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/** The document id a request names, normalised to `sha256:<hex>`; undefined when it names none. */
function documentIdOf(params: Params): string | undefined {
  let extensions = params.extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      // Apollo answers malformed extensions itself.
      return undefined;
    }
  }
  const apq = extensions && typeof extensions === 'object' ? (extensions as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery : undefined;
  const given = params.documentId ?? apq?.sha256Hash ?? (apq ? '' : undefined);
  if (given === undefined) return undefined;
  const hash = typeof given === 'string' ? SHA256.exec(given.trim())?.[1] : undefined;
  // An id that is not a sha256 cannot be in the manifest: the same answer as an unknown one.
  return hash ? `sha256:${hash.toLowerCase()}` : 'sha256:invalid';
}

/** Extensions without persistedQuery (Apollo's own APQ is off, and would refuse the request). */
function withoutPersistedQuery(extensions: unknown): unknown {
  let value = extensions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return extensions;
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return extensions;
  const { persistedQuery: _dropped, ...rest } = value as Record<string, unknown>;
  if (!Object.keys(rest).length) return undefined;
  return typeof extensions === 'string' ? JSON.stringify(rest) : rest;
}

export function persistedDocuments(options: { manifest: Manifest; anonymousPersistedOnly: boolean }): express.RequestHandler {
  const { manifest, anonymousPersistedOnly } = options;
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'POST') return next();
    const get = req.method === 'GET';
    // Only the query string matters here; a path like //x would be read as a host and refused by URL.
    const url = new URL(`http://localhost/${req.url.replace(/^[^?]*/, '')}`);
    const body: Params | undefined = !get && req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Params) : undefined;
    const params: Params = get ? { query: url.searchParams.get('query') ?? undefined, documentId: url.searchParams.get('documentId') ?? undefined, extensions: url.searchParams.get('extensions') ?? undefined } : (body ?? {});
    const id = documentIdOf(params);
    const text = typeof params.query === 'string' && params.query !== '' ? params.query : undefined;
    const anonymous = !req.headers.authorization;

    let refusal: Refusal | undefined;
    let query = text;
    if (text !== undefined) {
      // Text is text: a persisted-query id beside it (Apollo Client's retry) is dropped, never registered.
      if (anonymous && anonymousPersistedOnly) refusal = new Refusal('PERSISTED_QUERY_REQUIRED', 'Anonymous requests must name a persisted document (documentId) instead of sending a query.');
    } else if (id !== undefined) {
      query = manifest.get(id);
      if (query === undefined) refusal = new Refusal('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound: no persisted document has this id.');
      // Over GET only, so that every anonymous answer is one a CDN can cache by its address.
      else if (anonymous && anonymousPersistedOnly && !get) refusal = new Refusal('BAD_REQUEST', 'Anonymous requests run persisted documents over GET.');
    }
    if (refusal) {
      res.status(400).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
      return;
    }
    if (id === undefined && params.documentId === undefined) return next();

    // Apollo sees a plain request with the document's text.
    if (get) {
      url.searchParams.delete('documentId');
      if (query !== undefined) url.searchParams.set('query', query);
      const extensions = withoutPersistedQuery(url.searchParams.get('extensions') ?? undefined);
      if (extensions === undefined) url.searchParams.delete('extensions');
      else url.searchParams.set('extensions', extensions as string);
      req.url = `${url.pathname}${url.search}`;
    } else if (body) {
      const { documentId: _id, extensions, ...rest } = body as Params & Record<string, unknown>;
      const kept = withoutPersistedQuery(extensions);
      req.body = { ...rest, query, ...(kept === undefined ? {} : { extensions: kept }) };
    }
    res.locals.persistedDocument = id;
    next();
  };
}
