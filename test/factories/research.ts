import { EntityManager } from 'typeorm';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { ConferenceEvent } from '../../src/modules/conference/conference-event.entity';
import { ConferencePresentation } from '../../src/modules/conference/conference-presentation.entity';
import { ConferenceSession } from '../../src/modules/conference/conference-session.entity';
import { Person } from '../../src/modules/people/person.entity';
import { KeyStage, ResearchCallStatus, ResearchFundingType, ResearchMemberRole, ResearchMethodology, ResearchStatus, ResearchVisibility } from '../../src/modules/research/research-enums';
import { ResearchAuthor } from '../../src/modules/research/research-author.entity';
import { ResearchCall } from '../../src/modules/research/research-call.entity';
import { ResearchInterest } from '../../src/modules/research/research-interest.entity';
import { ResearchProjectMember } from '../../src/modules/research/research-project-member.entity';
import { ResearchProject } from '../../src/modules/research/research-project.entity';
import { School } from '../../src/modules/schools/school.entity';

let sequence = 0;

/** The publication fields the gate needs, for a project seeded as PUBLISHED. */
export const PUBLICATION = (slug: string): Partial<ResearchProject> => ({
  status: ResearchStatus.PUBLISHED, visibility: ResearchVisibility.PUBLIC, slug, journalTitle: 'PedEx', issn: '2049-3630', volume: '4', issue: '2',
  publishedOn: '2025-06-30', doi: `10.5555/pedex.${slug}`, licence: 'CC BY 4.0', keywords: ['feedback'],
});

/** A project of `alliance`, led by `lead` when given, as the owner's tools write it (PROPOSED unless told otherwise). */
export async function createResearchProject(em: EntityManager, alliance: Alliance, overrides: Partial<ResearchProject> = {}, lead?: Person): Promise<ResearchProject> {
  const n = ++sequence;
  const project = await em.getRepository(ResearchProject).save(
    em.create(ResearchProject, {
      allianceId: alliance.id, title: `Project ${n}`, researchQuestion: 'Does it work?', abstract: 'We tried it.', methodology: ResearchMethodology.ACTION_RESEARCH,
      status: ResearchStatus.PROPOSED, visibility: ResearchVisibility.ALLIANCE, areaIds: [], keyStages: [KeyStage.KS2], keywords: [], ...overrides,
    }),
  );
  if (lead) await em.getRepository(ResearchProjectMember).insert({ allianceId: alliance.id, projectId: project.id, personId: lead.id, role: ResearchMemberRole.LEAD });
  return project;
}

/**
 * A row of every research table for a tenant, each text carrying the tenant's marker (see
 * security/support/world.ts): a budget, a call with an interest, an alliance-only project with its
 * members, schools and authors, a published one, and a conference presenting both.
 */
export async function seedResearch(em: EntityManager, alliance: Alliance, lead: Person, school: School, marker: string): Promise<{ privateProject: ResearchProject; published: ResearchProject }> {
  await em.query(`INSERT INTO research_budgets (alliance_id, academic_year, budget_pence) VALUES ($1, 2025, 500000)`, [alliance.id]);
  const call = await em.getRepository(ResearchCall).save(
    em.create(ResearchCall, {
      allianceId: alliance.id, title: `${marker}_CALL`, description: `${marker}_CALL_DESCRIPTION`, academicYear: 2025, fundingType: ResearchFundingType.TLR3,
      fundingPence: 150000, areaIds: [], keyStages: [KeyStage.KS1], closesOn: '2025-10-31', status: ResearchCallStatus.OPEN,
    }),
  );
  await em.getRepository(ResearchInterest).insert({ allianceId: alliance.id, callId: call.id, personId: lead.id, statement: `${marker}_INTEREST`, submittedOn: '2025-10-01' });
  const privateProject = await createResearchProject(em, alliance, {
    title: `${marker}_PRIVATE_TITLE`, researchQuestion: `${marker}_QUESTION`, abstract: `${marker}_ABSTRACT`, keywords: [`${marker}_KEYWORD`], status: ResearchStatus.IN_PROGRESS,
    callId: call.id, fundingType: ResearchFundingType.TLR3, fundingPence: 150000, fundingAcademicYear: 2025,
  }, lead);
  // A published project: its title and abstract are public by design; its members, funding and unconsenting authors are not.
  const published = await createResearchProject(em, alliance, { ...PUBLICATION(`${marker.toLowerCase().replace(/_/g, '-')}-published`), title: `Published by ${alliance.name}`, abstract: 'Public abstract.', fundingType: ResearchFundingType.BURSARY, fundingPence: 123456 }, lead);
  for (const project of [privateProject, published]) {
    await em.query(`INSERT INTO research_project_schools (alliance_id, project_id, school_id, position) VALUES ($1, $2, $3, 1)`, [alliance.id, project.id, school.id]);
    await em.getRepository(ResearchAuthor).insert([
      { allianceId: alliance.id, projectId: project.id, position: 1, displayName: 'Named Author', affiliation: 'A school', orcid: '0000-0002-1825-0097', consentToBeNamed: true },
      { allianceId: alliance.id, projectId: project.id, position: 2, displayName: `${marker}_UNNAMED_AUTHOR`, affiliation: `${marker}_AFFILIATION`, consentToBeNamed: false, personId: lead.id },
    ]);
  }
  const event = await em.getRepository(ConferenceEvent).save(em.create(ConferenceEvent, { allianceId: alliance.id, name: `${marker}_CONFERENCE`, heldOn: '2025-07-02', venue: `${marker}_VENUE` }));
  const session = await em.getRepository(ConferenceSession).save(
    em.create(ConferenceSession, { allianceId: alliance.id, eventId: event.id, title: `${marker}_SESSION`, startsAt: new Date('2025-07-02T09:30:00Z'), endsAt: new Date('2025-07-02T10:30:00Z') }),
  );
  await em.getRepository(ConferencePresentation).insert([
    { allianceId: alliance.id, sessionId: session.id, projectId: privateProject.id, title: `${marker}_PRESENTATION`, position: 1, presenterPersonIds: [lead.id] },
    { allianceId: alliance.id, sessionId: session.id, projectId: published.id, title: 'Published work presented', position: 2, presenterPersonIds: [lead.id] },
  ]);
  return { privateProject, published };
}
