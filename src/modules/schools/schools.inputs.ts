import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { SchoolCategory } from './school-category';

export enum SchoolOrderField {
  NAME = 'NAME',
  URN = 'URN',
}
registerEnumType(SchoolOrderField, {
  name: 'SchoolOrderField',
  description: 'What schools may be sorted by.',
  valuesConfig: {
    NAME: { description: "The school's name." },
    URN: { description: "The school's URN." },
  },
});

@InputType({ description: 'Every condition given must hold; a list condition matches any of its values.' })
export class SchoolFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, town or postcode, or a whole URN.' })
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'Schools with one of these URNs.' })
  urns?: string[] | null;

  @Field(() => [String], { nullable: true, description: '3-digit DfE local authority codes, e.g. "202".' })
  laCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'GIAS phase codes, e.g. "2" for primary.' })
  phaseCodes?: string[] | null;

  @Field(() => [SchoolCategory], { nullable: true, description: 'Schools in one of these categories.' })
  categories?: SchoolCategory[] | null;

  @Field(() => [String], { nullable: true, description: 'GIAS status codes, e.g. "1" for open.' })
  statusCodes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Schools that are current members of this alliance (its id or slug).' })
  alliance?: string | null;
}

export const SchoolOrder = OrderInput(SchoolOrderField, 'SchoolOrder');
export type SchoolOrder = InstanceType<typeof SchoolOrder>;
