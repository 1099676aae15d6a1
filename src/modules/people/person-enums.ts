import { registerEnumType } from 'type-graphql';

export enum LeadershipLevel {
  MIDDLE = 'MIDDLE',
  SENIOR = 'SENIOR',
  HEADTEACHER = 'HEADTEACHER',
  EXECUTIVE = 'EXECUTIVE',
}

registerEnumType(LeadershipLevel, {
  name: 'LeadershipLevel',
  description: 'How senior a member of staff is.',
  valuesConfig: {
    MIDDLE: { description: 'Middle leadership, e.g. a head of department.' },
    SENIOR: { description: 'Senior leadership, e.g. a deputy head.' },
    HEADTEACHER: { description: 'A headteacher.' },
    EXECUTIVE: { description: 'An executive head or trust leader.' },
  },
});
