import { Field, InputType } from 'type-graphql';
import { BadUserInput } from '../../common/errors';
import { AcademicYear } from '../../common/scalars';

@InputType({ description: 'Academic years from one to another, both included; either end may be left open.' })
export class AcademicYearRange {
  @Field(() => AcademicYear, { nullable: true, description: 'The first academic year included.' })
  from?: number | null;

  @Field(() => AcademicYear, { nullable: true, description: 'The last academic year included.' })
  to?: number | null;
}

/** An inverted range is the caller's mistake, named by its argument. */
export function checkYearRange(range: AcademicYearRange | null | undefined, field: string): void {
  if (range?.from != null && range.to != null && range.from > range.to) throw new BadUserInput(`${field}.from must not be after ${field}.to`, field);
}

export const inYearRange = (range: AcademicYearRange | null | undefined) => (year: number | null) =>
  !range || (year !== null && (range.from == null || year >= range.from) && (range.to == null || year <= range.to));
