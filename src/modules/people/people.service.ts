import { Brackets, QueryFailedError } from 'typeorm';
import { PageArgs } from '../../common/connection';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { OrderDirection } from '../../common/order-direction';
import { paginate, SortKeyTable, sortKeysOf } from '../../common/paginate';
import { scopedQuery } from '../../loaders/helpers';
import { escapeLike } from '../../common/text';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { recordChange } from '../audit/audit.service';
import { openTriggeredReviews } from '../designations/reviews.service';
import { ActingRole } from '../users/user-enums';
import { CreatePersonInput, PersonFilter, PersonOrder, PersonOrderField, UpdatePersonInput } from './people.inputs';
import { Person } from './person.entity';
import { canEditPerson, contactVisibleSql, FIELDS_PRACTITIONERS_CANNOT_SET, peopleVisibleTo } from './person.policy';
import { optionalEmail, optionalPastDate, optionalPhone, optionalText, requiredText } from './person.validation';
import { applyWhere } from '../../common/where/where';
import { PERSON_WHERE } from '../../common/where/lists';

/** The acting alliance's staff records that the caller may see: tenant and visibility in SQL, before paging. */
function visiblePeople(ctx: RequestContext) {
  actingOf(ctx);
  return scopedQuery(ctx, Person, { visible: peopleVisibleTo }) ?? ctx.em.createQueryBuilder(Person, 'e').where('false');
}

const SORTS: SortKeyTable<PersonOrderField, Person> = {
  [PersonOrderField.NAME]: { expression: "e.family_name || ' ' || e.given_name", value: (p) => `${p.familyName} ${p.givenName}`, columns: ['familyName', 'givenName'] },
  // Milliseconds, as a cursor carries them: PostgreSQL keeps microseconds that a JavaScript date drops.
  [PersonOrderField.UPDATED_AT]: { expression: "date_trunc('milliseconds', e.updated_at)", value: (p) => p.updatedAt.toISOString(), kind: 'timestamp', columns: ['updatedAt'] },
};
const DEFAULT_ORDER = [{ field: PersonOrderField.NAME, direction: OrderDirection.ASC }];

export function listPeople(ctx: RequestContext, filter: PersonFilter | null | undefined, order: readonly PersonOrder[] | null | undefined, page: PageArgs, where?: object | null) {
  const qb = visiblePeople(ctx);
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > 100) throw new BadUserInput('filter.search must be at most 100 characters', 'filter.search');
    const like = `%${escapeLike(search)}%`;
    const contact = contactVisibleSql(actingOf(ctx));
    qb.andWhere(
      new Brackets((w) =>
        w.where("(e.given_name || ' ' || e.family_name) ILIKE :like", { like }).orWhere(`(e.email ILIKE :like AND ${contact.where})`, contact.params),
      ),
    );
  }
  if (filter?.schoolId) qb.andWhere('e.school_id = :schoolId', { schoolId: expectGlobalId(filter.schoolId, 'School', 'filter.schoolId') });
  if (filter?.leadershipLevels) qb.andWhere('e.leadership_level = ANY(:levels)', { levels: filter.leadershipLevels });
  applyWhere(qb, PERSON_WHERE, where);
  return paginate(qb, page, sortKeysOf(SORTS, order, DEFAULT_ORDER), ctx.loaders);
}

async function checkSchool(ctx: RequestContext, schoolId: string, field: string): Promise<string> {
  const id = expectGlobalId(schoolId, 'School', field);
  if (!(await ctx.loaders.schoolById.load(id))) throw new BadUserInput(`${field} names no school`, field);
  return id;
}

export async function createPerson(ctx: RequestContext, input: CreatePersonInput): Promise<Person> {
  const acting = actingOf(ctx);
  let schoolId = input.schoolId ? await checkSchool(ctx, input.schoolId, 'input.schoolId') : null;
  if (acting.role === ActingRole.SCHOOL_LEAD) {
    schoolId ??= acting.schoolId;
    if (schoolId !== acting.schoolId) throw new Forbidden('a school lead adds staff of their own school only');
  }
  const person = ctx.em.create(Person, {
    // The tenant comes from the request, never from input (SECURITY.md T3).
    allianceId: acting.allianceId,
    givenName: requiredText(input.givenName, 'input.givenName'),
    familyName: requiredText(input.familyName, 'input.familyName'),
    email: optionalEmail(input.email, 'input.email'),
    phone: optionalPhone(input.phone, 'input.phone'),
    schoolId,
    jobTitle: optionalText(input.jobTitle, 'input.jobTitle'),
    leadershipLevel: input.leadershipLevel ?? null,
    inLeadershipSince: optionalPastDate(input.inLeadershipSince, 'input.inLeadershipSince'),
  });
  return inTransaction(ctx, async (tx) => {
    const saved = await save(tx, person);
    await recordChange(tx, { action: 'createPerson', objectType: 'Person', objectId: saved.id, before: null, after: saved, fields: AUDITED_FIELDS });
    return saved;
  });
}

export function updatePerson(ctx: RequestContext, input: UpdatePersonInput): Promise<Person> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const id = expectGlobalId(input.id, 'Person', 'input.id');
    // Locked, and found only if it is the caller's to see: another alliance's id reads as not found (T2).
    const person = await visiblePeople(tx).andWhere('e.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!person) throw new NotFound('person');
    if (!canEditPerson(acting, person)) throw new Forbidden('you may not change this staff record');
    if (acting.role === ActingRole.PRACTITIONER) {
      const field = FIELDS_PRACTITIONERS_CANNOT_SET.find((f) => input[f] !== undefined);
      if (field) throw new Forbidden(`input.${field} of your own record is set by your school or coordinator`);
    }
    if (input.expectedVersion != null && input.expectedVersion !== person.version) {
      throw new Conflict(`the staff record changed since version ${input.expectedVersion}; it is now at version ${person.version}`);
    }
    const before = { ...person };
    if (input.givenName !== undefined) person.givenName = requiredText(input.givenName ?? '', 'input.givenName');
    if (input.familyName !== undefined) person.familyName = requiredText(input.familyName ?? '', 'input.familyName');
    if (input.email !== undefined) person.email = optionalEmail(input.email, 'input.email');
    if (input.phone !== undefined) person.phone = optionalPhone(input.phone, 'input.phone');
    if (input.jobTitle !== undefined) person.jobTitle = optionalText(input.jobTitle, 'input.jobTitle');
    if (input.leadershipLevel !== undefined) person.leadershipLevel = input.leadershipLevel ?? null;
    if (input.inLeadershipSince !== undefined) person.inLeadershipSince = optionalPastDate(input.inLeadershipSince, 'input.inLeadershipSince');
    if (input.schoolId !== undefined) {
      person.schoolId = input.schoolId === null ? null : await checkSchool(tx, input.schoolId, 'input.schoolId');
      if (acting.role === ActingRole.SCHOOL_LEAD && person.schoolId !== acting.schoolId) throw new Forbidden('a school lead keeps staff at their own school');
    }
    const saved = await save(tx, person);
    await openTriggeredReviews(tx, before, saved);
    await recordChange(tx, { action: 'updatePerson', objectType: 'Person', objectId: saved.id, before, after: saved, fields: AUDITED_FIELDS });
    return saved;
  });
}

/** What the audit trail records of a staff record's changes. */
const AUDITED_FIELDS = ['givenName', 'familyName', 'email', 'phone', 'schoolId', 'jobTitle', 'leadershipLevel', 'inLeadershipSince'] as const;

async function save(ctx: RequestContext, person: Person): Promise<Person> {
  try {
    return await ctx.em.save(person);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'people_alliance_email') {
      throw new BadUserInput('input.email is already used by another staff record of this alliance', 'input.email');
    }
    throw error;
  }
}
