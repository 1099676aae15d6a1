import { GraphQLError } from 'graphql';
import { expectGlobalId } from '../../common/global-id';
import { BadUserInput } from '../../common/errors';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { recordChange } from '../audit/audit.service';
import { checkResearchTransition } from '../research/lifecycle';
import { ResearchAuthor } from '../research/research-author.entity';
import { ResearchStatus, ResearchVisibility } from '../research/research-enums';
import { ResearchProject } from '../research/research-project.entity';
import { researchMoverOf, researchProjectForChange, saveResearchProject, snapshotProject } from '../research/research-store';
import { formatIssn, formatOrcid, isHttpUrl, isValidDoi, isValidIssn, isValidOrcid, normaliseDoi, spdxLicence } from './identifiers';
import { PublicationAuthorInput, PublishResearchProjectInput } from './publication.inputs';
import { firstFreeSlug, slugFromTitle } from './slug';

export const DEFAULT_JOURNAL_TITLE = 'PedEx';

/** The publication gate's items (DOMAIN.md), as a refusal names them. */
export enum GateItem {
  TITLE = 'title',
  ABSTRACT = 'abstract',
  CONSENTING_AUTHOR = 'a consenting author',
  KEYWORDS = 'keywords',
  LICENCE = 'licence',
  VOLUME = 'volume',
  ISSUE = 'issue',
  DATE = 'publication date',
  DOI_OR_URL = 'a DOI or URL',
}

/** The input field each gate item is given in (the project's own for title, abstract and keywords). */
const GATE_FIELD: Record<GateItem, string> = {
  [GateItem.TITLE]: 'title', [GateItem.ABSTRACT]: 'abstract', [GateItem.CONSENTING_AUTHOR]: 'input.authors', [GateItem.KEYWORDS]: 'keywords',
  [GateItem.LICENCE]: 'input.licence', [GateItem.VOLUME]: 'input.volume', [GateItem.ISSUE]: 'input.issue', [GateItem.DATE]: 'input.publishedOn',
  [GateItem.DOI_OR_URL]: 'input.doi',
};

const blank = (value: string | null | undefined) => !value?.trim();
const text = (value: string | null | undefined) => (blank(value) ? null : value!.trim());

/** (rule) The publication gate: what a project and its publication metadata still lack, every item at once. */
export function unmetGate(project: Pick<ResearchProject, 'title' | 'abstract' | 'keywords'>, meta: {
  licence: string | null; volume: string | null; issue: string | null; publishedOn: string | null; doi: string | null; url: string | null;
  authors: { consentToBeNamed: boolean; displayName: string }[];
}): GateItem[] {
  const unmet: GateItem[] = [];
  if (blank(project.title)) unmet.push(GateItem.TITLE);
  if (blank(project.abstract)) unmet.push(GateItem.ABSTRACT);
  if (!meta.authors.some((a) => a.consentToBeNamed && !blank(a.displayName))) unmet.push(GateItem.CONSENTING_AUTHOR);
  if (!project.keywords.some((k) => !blank(k))) unmet.push(GateItem.KEYWORDS);
  if (!meta.licence) unmet.push(GateItem.LICENCE);
  if (!meta.volume) unmet.push(GateItem.VOLUME);
  if (!meta.issue) unmet.push(GateItem.ISSUE);
  if (!meta.publishedOn) unmet.push(GateItem.DATE);
  if (!meta.doi && !meta.url) unmet.push(GateItem.DOI_OR_URL);
  return unmet;
}

interface AuthorRow {
  displayName: string;
  affiliation: string | null;
  orcid: string | null;
  consentToBeNamed: boolean;
  personId: string | null;
}

/** The authors as given, each identifier checked (a bad one names input.authors[i].<field>), a linked person of the acting alliance. */
async function checkedAuthors(ctx: RequestContext, authors: PublicationAuthorInput[]): Promise<AuthorRow[]> {
  if (authors.length > 100) throw new BadUserInput('a publication has at most 100 authors', 'input.authors');
  return Promise.all(
    authors.map(async (a, i) => {
      const at = `input.authors[${i}]`;
      if (blank(a.displayName) || a.displayName.length > 300) throw new BadUserInput(`${at}.displayName must be a name of 1 to 300 characters`, `${at}.displayName`);
      if (a.affiliation && a.affiliation.length > 500) throw new BadUserInput(`${at}.affiliation is longer than 500 characters`, `${at}.affiliation`);
      if (!blank(a.orcid) && !isValidOrcid(a.orcid!)) throw new BadUserInput(`${at}.orcid is not a valid ORCID iD (0000-0002-1825-0097, its check digit verified)`, `${at}.orcid`);
      let personId: string | null = null;
      if (a.personId) {
        personId = expectGlobalId(a.personId, 'Person', `${at}.personId`);
        if (!(await ctx.loaders.personById.load(personId))) throw new BadUserInput(`${at}.personId is not a person of this alliance`, `${at}.personId`);
      }
      return { displayName: a.displayName.trim(), affiliation: text(a.affiliation), orcid: blank(a.orcid) ? null : formatOrcid(a.orcid!), consentToBeNamed: a.consentToBeNamed, personId };
    }),
  );
}

/**
 * A slug not taken by any project this caller can see (its own alliance's and every published one).
 * A clash with a row it cannot see (another alliance's project no longer public) is caught by the
 * unique index, and the save is retried with the next free suffix.
 */
async function slugsLike(ctx: RequestContext, base: string): Promise<Set<string>> {
  const rows: { slug: string }[] = await ctx.em.query(`SELECT slug FROM research_projects WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`, [base]);
  return new Set(rows.map((r) => r.slug));
}

const isSlugClash = (error: unknown) => (error as { code?: string; constraint?: string }).code === '23505' && /slug/.test((error as { constraint?: string }).constraint ?? '');

/**
 * ACCEPTED → PUBLISHED (the coordinator's), behind the publication gate: records the PedEx
 * metadata and the ordered authors, makes the project PUBLIC, and gives it its slug, made from the
 * title at first publication and never changed after. One transaction with its audit row.
 */
export function publishResearchProject(ctx: RequestContext, input: PublishResearchProjectInput): Promise<ResearchProject> {
  actingOf(ctx);
  return inTransaction(ctx, (tx) => publish(tx, input));
}

/** Who is named, in order, and who consented: what the audit trail keeps of a publication's authors. */
const authorLines = (authors: readonly Pick<ResearchAuthor, 'displayName' | 'orcid' | 'consentToBeNamed'>[]) =>
  authors.map((a, i) => `${i + 1}. ${a.displayName}${a.orcid ? ` (ORCID ${a.orcid})` : ''}${a.consentToBeNamed ? '' : ' [not named in public]'}`);

async function publish(ctx: RequestContext, input: PublishResearchProjectInput): Promise<ResearchProject> {
  const project = await researchProjectForChange(ctx, input);
  checkResearchTransition(project.status, ResearchStatus.PUBLISHED, 'publishResearchProject', await researchMoverOf(ctx, project));

  // Identifiers first: a bad one is named by its field whatever else is missing.
  const issn = text(input.issn);
  if (issn && !isValidIssn(issn)) throw new BadUserInput('input.issn is not a valid ISSN (2049-3630, its check digit verified)', 'input.issn');
  const doi = text(input.doi);
  if (doi && !isValidDoi(doi)) throw new BadUserInput('input.doi is not a DOI (10.<registrant>/<suffix>)', 'input.doi');
  const url = text(input.url);
  if (url && !isHttpUrl(url)) throw new BadUserInput('input.url must be an http or https address', 'input.url');
  const pdfUrl = text(input.pdfUrl);
  if (pdfUrl && !isHttpUrl(pdfUrl)) throw new BadUserInput('input.pdfUrl must be an http or https address', 'input.pdfUrl');
  const licenceGiven = text(input.licence);
  const licence = licenceGiven ? spdxLicence(licenceGiven) : null;
  if (licenceGiven && !licence) throw new BadUserInput('input.licence is not an SPDX licence identifier or a licence name SPDX recognises (e.g. CC-BY-4.0)', 'input.licence');
  for (const [field, value] of [['journalTitle', input.journalTitle], ['volume', input.volume], ['issue', input.issue]] as const) {
    if (value && value.length > 200) throw new BadUserInput(`input.${field} is longer than 200 characters`, `input.${field}`);
  }
  const authors = input.authors
    ? await checkedAuthors(ctx, input.authors)
    : await ctx.em.getRepository(ResearchAuthor).find({ where: { projectId: project.id }, order: { position: 'ASC' } });

  const meta = { licence, volume: text(input.volume), issue: text(input.issue), publishedOn: input.publishedOn ?? null, doi: doi && normaliseDoi(doi), url, authors };
  const unmet = unmetGate(project, meta);
  if (unmet.length) {
    throw new GraphQLError(`cannot publish without ${unmet.join(', ')}`, {
      extensions: { code: 'BAD_USER_INPUT', field: GATE_FIELD[unmet[0]], unmetRules: unmet.map((item) => ({ rule: item, field: GATE_FIELD[item] })) },
    });
  }

  const before = snapshotProject(project);
  Object.assign(project, {
    status: ResearchStatus.PUBLISHED, visibility: ResearchVisibility.PUBLIC, journalTitle: text(input.journalTitle) ?? DEFAULT_JOURNAL_TITLE,
    issn: issn && formatIssn(issn), volume: meta.volume, issue: meta.issue, publishedOn: meta.publishedOn, doi: meta.doi, url, pdfUrl, licence,
  });
  const base = project.slug ?? slugFromTitle(project.title);
  let taken = project.slug ? new Set<string>() : await slugsLike(ctx, base);
  let saved: ResearchProject | undefined;
  for (let attempt = 0; !saved; attempt++) {
    project.slug ??= firstFreeSlug(base, taken);
    await ctx.em.query('SAVEPOINT publish_slug');
    try {
      saved = await saveResearchProject(ctx, 'publishResearchProject', before, project);
      await ctx.em.query('RELEASE SAVEPOINT publish_slug');
    } catch (error) {
      await ctx.em.query('ROLLBACK TO SAVEPOINT publish_slug');
      if (!isSlugClash(error) || attempt >= 5) throw error;
      taken = new Set([...taken, project.slug]);
      project.slug = null;
    }
  }
  if (input.authors) {
    const previous = await ctx.em.getRepository(ResearchAuthor).find({ where: { projectId: saved.id }, order: { position: 'ASC' } });
    await ctx.em.delete(ResearchAuthor, { projectId: saved.id });
    await ctx.em.insert(ResearchAuthor, authors.map((a, i) => ({ ...a, allianceId: saved.allianceId, projectId: saved.id, position: i + 1 })));
    await recordChange(ctx, {
      action: 'publishResearchProject', objectType: 'ResearchProject', objectId: saved.id,
      before: { authors: authorLines(previous) }, after: { authors: authorLines(authors) }, fields: ['authors'],
    });
  }
  return saved;
}
