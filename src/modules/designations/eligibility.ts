import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { academicYearOf, formatAcademicYear } from '../../common/academic-year';
import { addYears } from '../../common/dates';
import { RequestContext } from '../../context/context';
import { LeadershipLevel } from '../people/person-enums';
import { Person } from '../people/person.entity';
import { RequirementStage, unmetProgrammeRequirements } from '../programmes/programme-requirements';
import { DesignationType, ReferenceKind } from './designation-enums';
import { Designation } from './designation.entity';
import { isCoordinator } from './designation.policy';

/** The rules of DOMAIN.md and issue 9 that decide who may hold a designation. */
export enum EligibilityRule {
  SLE_LEADERSHIP_BELOW_HEADTEACHER = 'SLE_LEADERSHIP_BELOW_HEADTEACHER',
  SLE_TWO_YEARS_IN_LEADERSHIP = 'SLE_TWO_YEARS_IN_LEADERSHIP',
  SLE_AREA_OF_EXPERTISE = 'SLE_AREA_OF_EXPERTISE',
  SLE_HEADTEACHER_REFERENCE = 'SLE_HEADTEACHER_REFERENCE',
  SLE_RELEASE_COMMITMENT = 'SLE_RELEASE_COMMITMENT',
  LLE_SERVING_HEADTEACHER = 'LLE_SERVING_HEADTEACHER',
  NLE_HEADTEACHER_OR_EXECUTIVE = 'NLE_HEADTEACHER_OR_EXECUTIVE',
  NLE_NATIONAL_REFERENCE = 'NLE_NATIONAL_REFERENCE',
  LP_ACCREDITING_BODY = 'LP_ACCREDITING_BODY',
  PROGRAMME_COMPLETED = 'PROGRAMME_COMPLETED',
}
registerEnumType(EligibilityRule, {
  name: 'EligibilityRule',
  description: 'A rule of eligibility for a designation (DOMAIN.md).',
  valuesConfig: {
    SLE_LEADERSHIP_BELOW_HEADTEACHER: { description: 'An SLE is a leader below headteacher.' },
    SLE_TWO_YEARS_IN_LEADERSHIP: { description: 'An SLE has two years in leadership.' },
    SLE_AREA_OF_EXPERTISE: { description: 'An SLE names an area of expertise.' },
    SLE_HEADTEACHER_REFERENCE: { description: "An SLE has their headteacher's reference." },
    SLE_RELEASE_COMMITMENT: { description: "An SLE's head has committed release days." },
    LLE_SERVING_HEADTEACHER: { description: 'An LLE is a serving headteacher.' },
    NLE_HEADTEACHER_OR_EXECUTIVE: { description: 'An NLE is a headteacher or executive leader.' },
    NLE_NATIONAL_REFERENCE: { description: 'An NLE has a national reference.' },
    LP_ACCREDITING_BODY: { description: 'A Lead Practitioner is accredited by an accrediting body.' },
    PROGRAMME_COMPLETED: { description: 'The programmes the alliance requires are completed.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A rule an application or designation does not meet yet.' })
export class UnmetRule {
  @Field(() => EligibilityRule, { description: 'The rule.' })
  rule: EligibilityRule;

  @Field({ description: 'What is missing, in words.' })
  message: string;
}

/**
 * When rules are checked. An application must come from someone who could hold the designation;
 * approval also needs what the head provides (reference, release); designation also needs what
 * follows the assessment (a required training programme, the national body's reference).
 */
export enum Checkpoint {
  APPLICATION = 'APPLICATION',
  APPROVAL = 'APPROVAL',
  DESIGNATION = 'DESIGNATION',
}

export interface EligibilityFacts {
  person: Pick<Person, 'id' | 'leadershipLevel' | 'inLeadershipSince'>;
  designation: Pick<Designation, 'type' | 'areaIds' | 'nationalReference' | 'accreditingBody'> & { id?: string };
  /** The day the check is for (today, or the designation date). */
  on: string;
}

const reached = (checkpoint: Checkpoint, at: Checkpoint) => ORDER.indexOf(checkpoint) >= ORDER.indexOf(at);
const ORDER = [Checkpoint.APPLICATION, Checkpoint.APPROVAL, Checkpoint.DESIGNATION];

/** Every rule the facts fail at this checkpoint, not just the first: a refusal names them all. */
export async function unmetRules(ctx: RequestContext, facts: EligibilityFacts, checkpoint: Checkpoint): Promise<UnmetRule[]> {
  const { person, designation, on } = facts;
  const unmet: UnmetRule[] = [];
  const fail = (rule: EligibilityRule, message: string) => unmet.push({ rule, message });
  const level = person.leadershipLevel;

  switch (designation.type) {
    case DesignationType.SLE: {
      if (level !== LeadershipLevel.MIDDLE && level !== LeadershipLevel.SENIOR) fail(EligibilityRule.SLE_LEADERSHIP_BELOW_HEADTEACHER, 'an SLE holds a middle or senior leadership post, below headteacher');
      if (!person.inLeadershipSince || addYears(person.inLeadershipSince, 2) > on) fail(EligibilityRule.SLE_TWO_YEARS_IN_LEADERSHIP, `an SLE has been in leadership for at least 2 years on ${on}`);
      if (!designation.areaIds.length) fail(EligibilityRule.SLE_AREA_OF_EXPERTISE, 'an SLE names at least one area of expertise');
      if (reached(checkpoint, Checkpoint.APPROVAL) && designation.id) {
        const [references, commitments] = await Promise.all([
          isCoordinator(ctx.acting) ? ctx.loaders.referencesByDesignation.load(designation.id) : null,
          ctx.loaders.releaseCommitmentsByDesignation.load(designation.id),
        ]);
        // References are confidential: whether one supports the application is the coordinator's to know, so only their check names it.
        if (references && !references.some((r) => r.kind === ReferenceKind.HEADTEACHER && r.supports)) fail(EligibilityRule.SLE_HEADTEACHER_REFERENCE, "an SLE has a supporting reference from their headteacher");
        const year = academicYearOf(on);
        if (!commitments.some((c) => c.academicYear === year)) fail(EligibilityRule.SLE_RELEASE_COMMITMENT, `an SLE has a release commitment from their headteacher for ${formatAcademicYear(year)}`);
      }
      break;
    }
    case DesignationType.LLE:
      if (level !== LeadershipLevel.HEADTEACHER) fail(EligibilityRule.LLE_SERVING_HEADTEACHER, 'an LLE is a serving headteacher');
      break;
    case DesignationType.NLE:
      if (level !== LeadershipLevel.HEADTEACHER && level !== LeadershipLevel.EXECUTIVE) fail(EligibilityRule.NLE_HEADTEACHER_OR_EXECUTIVE, 'an NLE is a headteacher or executive leader');
      if (checkpoint === Checkpoint.DESIGNATION && !designation.nationalReference) fail(EligibilityRule.NLE_NATIONAL_REFERENCE, "an NLE is recorded with the national body's reference");
      break;
    case DesignationType.LP:
      if (checkpoint === Checkpoint.DESIGNATION && !designation.accreditingBody) fail(EligibilityRule.LP_ACCREDITING_BODY, 'an LP is recorded with the body that accredits them');
      break;
  }

  // At designation, what was required before the application is still required (a later change of the programme's rule included).
  const stage = checkpoint === Checkpoint.DESIGNATION ? RequirementStage.DESIGNATION : RequirementStage.APPLICATION;
  for (const programme of await unmetProgrammeRequirements(ctx, person.id, designation.type, stage)) {
    fail(EligibilityRule.PROGRAMME_COMPLETED, `the alliance requires completion of "${programme.name}" as ${designation.type}`);
  }
  return unmet;
}
