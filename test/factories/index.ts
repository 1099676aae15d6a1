import { EntityManager } from 'typeorm';
import { AllianceKind, SchoolMembershipRole } from '../../src/modules/alliances/alliance-enums';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { SchoolMembership } from '../../src/modules/alliances/school-membership.entity';
import { School } from '../../src/modules/schools/school.entity';
import { SchoolRecord, upsertSchools } from '../../src/modules/schools/school-record';

let sequence = 0;
const next = () => ++sequence;

export async function createSchool(em: EntityManager, overrides: Partial<SchoolRecord> = {}): Promise<School> {
  const n = next();
  const record: SchoolRecord = {
    urn: String(800000 + n), name: `Test School ${n}`, laCode: '202', laName: 'Camden', establishmentNumber: String(2000 + (n % 7000)),
    typeCode: '1', typeName: 'Community school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools',
    statusCode: '1', statusName: 'Open', phaseCode: '2', phaseName: 'Primary', statutoryLowAge: 4, statutoryHighAge: 11,
    religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null, trustCode: null, trustName: null,
    ukprn: null, postcode: 'NW1 1AA', town: 'London', openDate: null, closeDate: null, lastChangedDate: null,
    ...overrides,
  };
  await upsertSchools(em, [record]);
  return em.getRepository(School).findOneByOrFail({ urn: record.urn });
}

export async function createAlliance(em: EntityManager, overrides: Partial<Alliance> = {}): Promise<Alliance> {
  const n = next();
  return em.getRepository(Alliance).save(
    em.create(Alliance, { slug: `alliance-${n}`, name: `Alliance ${n}`, kind: AllianceKind.TEACHING_SCHOOL_ALLIANCE, minReleaseDaysPerYear: 10, ...overrides }),
  );
}

export async function addMember(em: EntityManager, alliance: Alliance, school: School, overrides: Partial<SchoolMembership> = {}): Promise<SchoolMembership> {
  return em.getRepository(SchoolMembership).save(
    em.create(SchoolMembership, { allianceId: alliance.id, schoolId: school.id, role: SchoolMembershipRole.MEMBER, startsOn: '2020-09-01', ...overrides }),
  );
}
