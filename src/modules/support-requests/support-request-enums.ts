import { registerEnumType } from 'type-graphql';

/** Who asks the alliance for support (DOMAIN.md). */
export enum CommissionerType {
  SCHOOL = 'SCHOOL',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  DIOCESE = 'DIOCESE',
  ACADEMY_TRUST = 'ACADEMY_TRUST',
  DFE = 'DFE',
  ALLIANCE = 'ALLIANCE',
  OTHER = 'OTHER',
}

/** A request's own lifecycle; which moves are allowed is support-request-lifecycle.ts. */
export enum SupportRequestStatus {
  OPEN = 'OPEN',
  BROKERING = 'BROKERING',
  MATCHED = 'MATCHED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(CommissionerType, {
  name: 'CommissionerType',
  description: 'Who commissions support: a school, a local authority, a diocese, an academy trust, the DfE, the alliance itself, or another body.',
  valuesConfig: {
    SCHOOL: { description: 'A school.' },
    LOCAL_AUTHORITY: { description: 'A local authority.' },
    DIOCESE: { description: 'A diocese.' },
    ACADEMY_TRUST: { description: 'An academy trust.' },
    DFE: { description: 'The Department for Education.' },
    ALLIANCE: { description: 'The alliance itself.' },
    OTHER: { description: 'Another commissioner.' },
  },
});
registerEnumType(SupportRequestStatus, {
  name: 'SupportRequestStatus',
  description: 'OPEN: received. BROKERING: a deployment is proposed. MATCHED: a deployment is agreed. CLOSED: done with. WITHDRAWN: the commissioner withdrew it.',
  valuesConfig: {
    OPEN: { description: 'Received.' },
    BROKERING: { description: 'A deployment is proposed.' },
    MATCHED: { description: 'A deployment is agreed.' },
    CLOSED: { description: 'Closed.' },
    WITHDRAWN: { description: 'Withdrawn by the commissioner.' },
  },
});
