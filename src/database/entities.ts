import { AllianceTariff } from '../modules/alliances/alliance-tariff.entity';
import { AllianceTerm } from '../modules/alliances/alliance-term.entity';
import { Alliance } from '../modules/alliances/alliance.entity';
import { SchoolMembership } from '../modules/alliances/school-membership.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { AreaOfExpertise } from '../modules/areas-of-expertise/area-of-expertise.entity';
import { Person } from '../modules/people/person.entity';
import { School } from '../modules/schools/school.entity';
import { Membership } from '../modules/users/membership.entity';
import { User } from '../modules/users/user.entity';

export const entities = [School, Alliance, SchoolMembership, AllianceTariff, AllianceTerm, AreaOfExpertise, User, Membership, Person, AuditEvent];
