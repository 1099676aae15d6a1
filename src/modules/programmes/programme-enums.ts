import { registerEnumType } from 'type-graphql';

export enum ProgrammeKind {
  LP_PROGRAMME = 'LP_PROGRAMME',
  CORE_TRAINING = 'CORE_TRAINING',
  TEAM_MEETINGS = 'TEAM_MEETINGS',
  OTHER = 'OTHER',
}

/** When a required programme must be completed: before an application is accepted, or before designation. */
export enum RequirementStage {
  APPLICATION = 'APPLICATION',
  DESIGNATION = 'DESIGNATION',
}

registerEnumType(ProgrammeKind, {
  name: 'ProgrammeKind',
  description: 'LP_PROGRAMME: a Lead Practitioner programme. CORE_TRAINING: training of newly approved system leaders. TEAM_MEETINGS: regular meetings of the alliance’s system leaders.',
  valuesConfig: {
    LP_PROGRAMME: { description: 'A Lead Practitioner programme.' },
    CORE_TRAINING: { description: 'Core training for system leaders.' },
    TEAM_MEETINGS: { description: 'Team meetings.' },
    OTHER: { description: 'Another programme.' },
  },
});
registerEnumType(RequirementStage, {
  name: 'RequirementStage',
  description: 'APPLICATION: completed before an application is accepted. DESIGNATION: completed before designation (which also needs those required before application).',
  valuesConfig: {
    APPLICATION: { description: 'Completed before an application is accepted.' },
    DESIGNATION: { description: 'Completed before designation.' },
  },
});
