import { Brackets } from 'typeorm';
import { PageArgs } from '../../common/connection';
import { BadUserInput } from '../../common/errors';
import { OrderDirection } from '../../common/order-direction';
import { escapeLike } from '../../common/text';
import { paginate, SortKeyTable, sortKeysOf } from '../../common/paginate';
import { RequestContext } from '../../context/context';
import { findAllianceByRef } from '../alliances/alliances.service';
import { currentMembership } from '../alliances/current-membership';
import { normaliseCode } from './school-record';
import { School } from './school.entity';
import { SchoolFilter, SchoolOrder, SchoolOrderField } from './schools.inputs';
import { applyWhere } from '../../common/where/where';
import { SCHOOL_WHERE } from '../../common/where/lists';

const URN = /^\d{6}$/;
const MAX_SEARCH = 100;

export function checkUrn(urn: string, field: string): string {
  const trimmed = urn.trim();
  if (!URN.test(trimmed)) throw new BadUserInput(`${field} must be a 6-digit URN`, field);
  return trimmed;
}

export function findSchoolByUrn(ctx: RequestContext, urn: string): Promise<School | null> {
  return ctx.loaders.schoolByUrn.load(checkUrn(urn, 'urn'));
}

const SORTS: SortKeyTable<SchoolOrderField, School> = {
  [SchoolOrderField.NAME]: { expression: 'school.name', value: (s) => s.name, columns: ['name'] },
  [SchoolOrderField.URN]: { expression: 'school.urn', value: (s) => s.urn, columns: ['urn'] },
};
const DEFAULT_ORDER = [{ field: SchoolOrderField.NAME, direction: OrderDirection.ASC }];

export async function listSchools(ctx: RequestContext, filter: SchoolFilter | null | undefined, order: readonly SchoolOrder[] | null | undefined, page: PageArgs, where?: object | null) {
  const qb = ctx.em.createQueryBuilder(School, 'school');
  const f = filter ?? {};
  if (f.search != null) {
    const search = f.search.trim();
    if (search.length > MAX_SEARCH) throw new BadUserInput(`filter.search must be at most ${MAX_SEARCH} characters`, 'filter.search');
    if (search) {
      const like = `%${escapeLike(search)}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where('school.name ILIKE :like', { like })
            .orWhere('school.town ILIKE :like')
            .orWhere("replace(school.postcode, ' ', '') ILIKE :postcode", { postcode: `%${escapeLike(search.replace(/\s+/g, ''))}%` })
            .orWhere('school.urn = :search', { search });
        }),
      );
    }
  }
  if (f.urns) qb.andWhere('school.urn = ANY(:urns)', { urns: f.urns.map((u, i) => checkUrn(u, `filter.urns.${i}`)) });
  if (f.laCodes) qb.andWhere('school.la_code = ANY(:laCodes)', { laCodes: f.laCodes.map((c) => c.trim()) });
  if (f.phaseCodes) qb.andWhere('school.phase_code = ANY(:phaseCodes)', { phaseCodes: f.phaseCodes.map(normaliseCode) });
  if (f.statusCodes) qb.andWhere('school.status_code = ANY(:statusCodes)', { statusCodes: f.statusCodes.map(normaliseCode) });
  if (f.categories) qb.andWhere('school.categories && :categories', { categories: f.categories });
  if (f.alliance != null) {
    const alliance = await findAllianceByRef(ctx, f.alliance);
    // An unknown alliance matches no school, like any other filter value that matches nothing.
    qb.andWhere(
      `EXISTS (SELECT 1 FROM alliance_school_memberships m WHERE m.school_id = school.id AND m.alliance_id = :allianceId AND ${currentMembership('m')})`,
      { allianceId: alliance?.id ?? '00000000-0000-0000-0000-000000000000' },
    );
  }
  applyWhere(qb, SCHOOL_WHERE, where);
  return paginate(qb, page, sortKeysOf(SORTS, order, DEFAULT_ORDER), ctx.loaders);
}
