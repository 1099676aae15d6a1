import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AgreeDeploymentDocument, BrokerageRequestDocument, CompleteDeploymentDocument, CreateSupportRequestDocument, CreateSupportRequestInput, DeploymentDetailFragment,
  DeploymentPageDocument, DeploymentTermsInput, EvaluateDeploymentDocument, HeadDeploymentsDocument, ImpactRating, LogSessionDocument, LogSessionInput,
  ProposeDeploymentDocument, SignDeploymentDocument, SleOwnDeploymentsDocument, StartDeploymentDocument, SubmitVisitRecordDocument,
} from '../../operations/generated/graphql';
import { signToken } from '../../src/auth/tokens';
import { englishDate } from '../../src/common/academic-year';
import { toGlobalId } from '../../src/common/global-id';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { Person } from '../../src/modules/people/person.entity';
import { School } from '../../src/modules/schools/school.entity';
import { MembershipRole } from '../../src/modules/users/user-enums';
import { createUser, TEST_JWT_SECRET, TestUser } from '../factories/users';
import { ExecuteResult, startTestServer, TestServer } from '../helpers/server';

/**
 * Issue 10, item 13: one demo alliance's brokerage through the GraphQL API with the alliance front
 * end's typed documents, on the demo data, from a support request to the evaluation. Each party signs
 * as themself: the system leader, their headteacher, the supported school's head (users made here for
 * the demo's staff and schools) and the coordinator (the demo's coordinator@).
 */
export interface Parties {
  coordinator: TestUser;
  systemLeader: TestUser;
  homeHead: TestUser;
  supportedHead: TestUser;
}

export class BrokerageScenario {
  t!: TestServer;
  parties!: Parties;
  readonly today = englishDate();
  allianceId!: string;
  supportedSchoolId!: string;
  homeSchoolId!: string;
  personId!: string;
  designationId!: string;
  requestId!: string;
  deploymentId!: string;
  termsVersion = 1;

  constructor(
    readonly slug: string,
    /** The system leader: a demo staff record of the alliance, by name, and the type of their designation. */
    readonly leader: { givenName: string; familyName: string; type: 'SLE' | 'LLE' | 'NLE' },
    readonly supportedUrn: string,
  ) {}

  async start(): Promise<void> {
    this.t = await startTestServer({ demoData: true });
    const sql = (text: string, params: unknown[]) => this.t.db.dataSource.query(text, params);
    const [alliance] = await sql(`SELECT id FROM alliances WHERE slug = $1`, [this.slug]);
    this.allianceId = alliance.id;
    const [person] = await sql(`SELECT id, school_id FROM people WHERE alliance_id = $1 AND given_name = $2 AND family_name = $3`, [alliance.id, this.leader.givenName, this.leader.familyName]);
    this.personId = person.id;
    this.homeSchoolId = person.school_id;
    const [designation] = await sql(`SELECT id FROM designations WHERE person_id = $1 AND type = $2 AND status = 'ACTIVE'`, [person.id, this.leader.type]);
    this.designationId = toGlobalId('Designation', designation.id);
    const [supported] = await sql(`SELECT id FROM schools WHERE urn = $1`, [this.supportedUrn]);
    this.supportedSchoolId = supported.id;
    const [coordinator] = await sql(`SELECT id, display_name AS "displayName" FROM users WHERE email = $1`, [`coordinator@${this.slug}.demo`]);
    const em = this.t.db.dataSource.manager;
    const a = { id: alliance.id } as Alliance;
    this.parties = {
      coordinator: { user: coordinator, token: await signToken(TEST_JWT_SECRET, coordinator.id) } as TestUser,
      systemLeader: await createUser(em, { memberships: [{ alliance: a, role: MembershipRole.PRACTITIONER, person: { id: person.id } as Person }] }),
      homeHead: await createUser(em, { memberships: [{ alliance: a, role: MembershipRole.SCHOOL_LEAD, school: { id: person.school_id } as School }] }),
      supportedHead: await createUser(em, { memberships: [{ alliance: a, role: MembershipRole.SCHOOL_LEAD, school: { id: supported.id } as School }] }),
    };
  }

  close(): Promise<void> {
    return this.t.close();
  }

  async ok<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, as: TestUser): Promise<T> {
    const result = await this.t.execute(document, variables, { as });
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async refused<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, as: TestUser) {
    const result: ExecuteResult<T> = await this.t.execute(document, variables, { as });
    expect(result.errors).toHaveLength(1);
    return { ...result.errors![0].extensions, message: result.errors![0].message } as { code: string; field?: string; rule?: string; unmetRules?: string[]; message: string };
  }

  /** The coordinator records the request. */
  async request(input: Omit<CreateSupportRequestInput, 'supportedSchoolUrn'>) {
    const { createSupportRequest } = await this.ok(CreateSupportRequestDocument, { input: { ...input, supportedSchoolUrn: this.supportedUrn } }, this.parties.coordinator);
    this.requestId = createSupportRequest.supportRequest.id;
    expect(createSupportRequest.supportRequest).toMatchObject({ status: 'OPEN', receivedOn: this.today, supportedSchool: { urn: this.supportedUrn } });
    return createSupportRequest.supportRequest;
  }

  /** The coordinator's brokerage page: the ranked matches, which must include the scenario's system leader. */
  async matches(options: { includeWithoutCapacity?: boolean } = {}) {
    const page = await this.ok(BrokerageRequestDocument, { id: this.requestId, first: 10, ...options }, this.parties.coordinator);
    const scores = page.brokerMatches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ours = page.brokerMatches.find((m) => m.designation.id === this.designationId);
    expect(ours).toBeDefined();
    expect(ours!.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(ours!.score);
    // Never the supported school's own staff.
    expect(page.brokerMatches.every((m) => m.designation.person?.school?.id !== toGlobalId('School', this.supportedSchoolId))).toBe(true);
    return { page, ours: ours! };
  }

  async propose(terms: DeploymentTermsInput) {
    const { proposeDeployment } = await this.ok(ProposeDeploymentDocument, { input: { supportRequestId: this.requestId, designationId: this.designationId, terms } }, this.parties.coordinator);
    this.deploymentId = proposeDeployment.deployment.id;
    this.termsVersion = proposeDeployment.deployment.termsVersion;
    expect(proposeDeployment.deployment).toMatchObject({ status: 'PROPOSED', proposedOn: this.today, homeSchool: { id: toGlobalId('School', this.homeSchoolId) }, supportedSchool: { urn: this.supportedUrn } });
    expect(proposeDeployment.supportRequest).toMatchObject({ status: 'BROKERING' });
    return proposeDeployment.deployment;
  }

  /** Each of the four parties signs as themself; a party signing for another is refused on the way. */
  async signAll(): Promise<DeploymentDetailFragment> {
    const { coordinator, systemLeader, homeHead, supportedHead } = this.parties;
    const sign = (party: 'SYSTEM_LEADER' | 'HOME_HEADTEACHER' | 'SUPPORTED_HEADTEACHER' | 'ALLIANCE', as: TestUser) =>
      this.ok(SignDeploymentDocument, { input: { deploymentId: this.deploymentId, party, termsVersion: this.termsVersion } }, as);
    expect(await this.refused(SignDeploymentDocument, { input: { deploymentId: this.deploymentId, party: 'SUPPORTED_HEADTEACHER', termsVersion: this.termsVersion } }, homeHead)).toMatchObject({ code: 'FORBIDDEN' });
    for (const [party, as] of [['SYSTEM_LEADER', systemLeader], ['HOME_HEADTEACHER', homeHead], ['SUPPORTED_HEADTEACHER', supportedHead], ['ALLIANCE', coordinator]] as const) {
      const { signDeployment } = await sign(party, as);
      expect(signDeployment.signature).toMatchObject({ party, termsVersion: this.termsVersion, signedByName: as.user.displayName, signedOn: this.today, recordedByCoordinator: false, void: false });
    }
    const page = await this.page(coordinator);
    expect(page.missingSignatures).toEqual([]);
    expect(page.signatures.map((s) => s.party).sort()).toEqual(['ALLIANCE', 'HOME_HEADTEACHER', 'SUPPORTED_HEADTEACHER', 'SYSTEM_LEADER']);
    expect(page.nextMoves.map((m) => m.mutation)).toContain('agreeDeployment');
    return page;
  }

  async agree(capacityOverrideReason?: string) {
    const { agreeDeployment } = await this.ok(AgreeDeploymentDocument, { input: { deploymentId: this.deploymentId, capacityOverrideReason } }, this.parties.coordinator);
    expect(agreeDeployment.deployment).toMatchObject({ status: 'AGREED', agreedOn: this.today });
    expect(agreeDeployment.supportRequest).toMatchObject({ status: 'MATCHED' });
    return agreeDeployment.deployment;
  }

  async startDeployment() {
    const { startDeployment } = await this.ok(StartDeploymentDocument, { input: { deploymentId: this.deploymentId } }, this.parties.coordinator);
    expect(startDeployment.deployment).toMatchObject({ status: 'ACTIVE', startedOn: this.today });
    return startDeployment.deployment;
  }

  /** The system leader logs a session of their own deployment. */
  async session(input: Omit<LogSessionInput, 'deploymentId'>) {
    const { logSession } = await this.ok(LogSessionDocument, { input: { ...input, deploymentId: this.deploymentId } }, this.parties.systemLeader);
    return logSession;
  }

  /** The system leader's visit record of a delivered session: late if its due date (5 working days in England after it) has passed. */
  async visitRecord(session: { id: string; visitRecordDueOn?: string | null }, summary: string) {
    const { submitVisitRecord } = await this.ok(SubmitVisitRecordDocument, { input: { sessionId: session.id, summary, nextSteps: 'Review at the next visit.' } }, this.parties.systemLeader);
    const late = session.visitRecordDueOn! < this.today;
    expect(submitVisitRecord.session).toMatchObject({ visitRecordOverdue: false, visitRecord: { summary, submittedOn: this.today, submittedLate: late } });
    return submitVisitRecord.session;
  }

  async complete() {
    const { completeDeployment } = await this.ok(CompleteDeploymentDocument, { input: { deploymentId: this.deploymentId } }, this.parties.coordinator);
    expect(completeDeployment.deployment).toMatchObject({ status: 'COMPLETED', completedOn: this.today });
    expect(completeDeployment.deployment.nextMoves).toEqual([{ to: 'EVALUATED', mutation: 'evaluateDeployment' }]);
    return completeDeployment.deployment;
  }

  /** The supported school's head rates the impact, as themself. */
  async evaluate(rating: ImpactRating, evidence: string) {
    const { evaluateDeployment } = await this.ok(EvaluateDeploymentDocument, { input: { deploymentId: this.deploymentId, rating, evidence } }, this.parties.supportedHead);
    expect(evaluateDeployment.deployment).toMatchObject({
      status: 'EVALUATED', evaluation: { rating, evidence, evaluatedOn: this.today, evaluatedByName: this.parties.supportedHead.user.displayName, recordedByCoordinator: false },
    });
    return evaluateDeployment;
  }

  async page(as: TestUser): Promise<DeploymentDetailFragment> {
    const { deployment } = await this.ok(DeploymentPageDocument, { id: this.deploymentId }, as);
    if (!deployment || !('status' in deployment)) throw new Error('the deployment is missing');
    return deployment as DeploymentDetailFragment;
  }

  /** The system leader's own page and both heads' views show the deployment. */
  async seenByEveryone(): Promise<void> {
    const own = await this.ok(SleOwnDeploymentsDocument, { first: 50 }, this.parties.systemLeader);
    expect(own.deployments.edges.map((e) => e.node.id)).toContain(this.deploymentId);
    for (const [head, schoolId, side] of [[this.parties.supportedHead, this.supportedSchoolId, 'into'], [this.parties.homeHead, this.homeSchoolId, 'from']] as const) {
      const view = await this.ok(HeadDeploymentsDocument, { schoolId: toGlobalId('School', schoolId), first: 50 }, head);
      expect(view[side].edges.map((e) => e.node.id)).toContain(this.deploymentId);
    }
  }
}
