import { registerEnumType } from 'type-graphql';

export enum LeadershipLevel {
  MIDDLE = 'MIDDLE',
  SENIOR = 'SENIOR',
  HEADTEACHER = 'HEADTEACHER',
  EXECUTIVE = 'EXECUTIVE',
}

registerEnumType(LeadershipLevel, { name: 'LeadershipLevel' });
