import { byId, oneBy, pagedBy } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { AllianceTariff } from './alliance-tariff.entity';
import { AllianceTerm } from './alliance-term.entity';
import { Alliance } from './alliance.entity';
import { currentMembership } from './current-membership';
import { SchoolMembership } from './school-membership.entity';

const MEMBERSHIP_ORDER = 'e.role, e.starts_on';

export const allianceLoaders = {
  allianceById: byId(Alliance),
  allianceBySlug: oneBy(Alliance, 'slug'),
  // Member schools are part of every alliance's public profile.
  schoolMembershipById: byId(SchoolMembership, { shared: true }),
  leadMembershipByAllianceId: oneBy(SchoolMembership, 'allianceId', { shared: true, where: `e.role = 'LEAD_SCHOOL' AND ${currentMembership('e')}` }),
  currentMembershipsByAllianceId: pagedBy(SchoolMembership, 'allianceId', { shared: true, where: currentMembership('e'), orderBy: MEMBERSHIP_ORDER }),
  allMembershipsByAllianceId: pagedBy(SchoolMembership, 'allianceId', { shared: true, orderBy: MEMBERSHIP_ORDER }),
  membershipsBySchoolId: pagedBy(SchoolMembership, 'schoolId', { shared: true, orderBy: 'e.starts_on' }),
  // Tariffs and terms are the alliance's own: tenant-scoped.
  tariffsByAllianceId: pagedBy(AllianceTariff, 'allianceId', { orderBy: 'e.effective_from DESC' }),
  termsByAllianceId: pagedBy(AllianceTerm, 'allianceId', { orderBy: 'e.academic_year DESC, e.starts_on' }),
};

// GraphQL fields that are not a column of the same name (src/loaders/selection.ts).
declareFieldColumns(Alliance, { fields: { settings: ['reviewPeriodYears', 'minReleaseDaysPerYear', 'appealPeriodDays'], leadSchool: [], memberSchools: [], tariffs: [], termDates: [] } });
declareFieldColumns(SchoolMembership, { fields: { school: ['schoolId'], alliance: ['allianceId'] } });
