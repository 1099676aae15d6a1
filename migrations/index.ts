import { Foundation1795370000000 } from './1795370000000-Foundation';
import { AreasOfExpertise1795370100000 } from './1795370100000-AreasOfExpertise';
import { IdentityAndPeople1795370200000 } from './1795370200000-IdentityAndPeople';
import { RowLevelSecurity1795370300000 } from './1795370300000-RowLevelSecurity';
import { AuditEvents1795370400000 } from './1795370400000-AuditEvents';
import { SearchAndCurrentMembershipIndexes1795370500000 } from './1795370500000-SearchAndCurrentMembershipIndexes';
import { SystemLeaders1795370600000 } from './1795370600000-SystemLeaders';
import { Programmes1795370700000 } from './1795370700000-Programmes';
import { Brokerage1795370800000 } from './1795370800000-Brokerage';
import { ImpactReviews1795370900000 } from './1795370900000-ImpactReviews';
import { Research1795371100000 } from './1795371100000-Research';
import { PublicReader1795371400000 } from './1795371400000-PublicReader';
import { DeploymentSessionsAlliance1795370950000 } from './1795370950000-DeploymentSessionsAlliance';
import { AnalystStatistics1795371200000 } from './1795371200000-AnalystStatistics';
import { RequestBudget1795371300000 } from './1795371300000-RequestBudget';
import { PlatformAnalyst1795371500000 } from './1795371500000-PlatformAnalyst';

/** In order. Listed, not globbed, so the same list runs under tsc output and under Jest. */
export const migrations = [Foundation1795370000000, AreasOfExpertise1795370100000, IdentityAndPeople1795370200000, RowLevelSecurity1795370300000, AuditEvents1795370400000, SearchAndCurrentMembershipIndexes1795370500000, SystemLeaders1795370600000, Programmes1795370700000, Brokerage1795370800000, ImpactReviews1795370900000, DeploymentSessionsAlliance1795370950000, Research1795371100000, AnalystStatistics1795371200000, RequestBudget1795371300000, PublicReader1795371400000, PlatformAnalyst1795371500000];
