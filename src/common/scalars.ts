import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatAcademicYear, parseAcademicYear } from './academic-year';

import { LocalDateResolver } from 'graphql-scalars';

export { DateTimeResolver as DateTime } from 'graphql-scalars';

/** Years a date may have: a year 0 passes the ISO format but is no date PostgreSQL stores (there was none). */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

const outOfRange = (value: string) =>
  new GraphQLError(`LocalDate must fall between 0001-01-01 and 9999-12-31, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });

function inRange(value: string): string {
  const year = Number(value.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw outOfRange(value);
  return value;
}

/** graphql-scalars' LocalDate (a real calendar day, YYYY-MM-DD), within the years above. */
export const LocalDate = new GraphQLScalarType<string, string>({
  ...LocalDateResolver.toConfig(),
  parseValue: (value) => inRange(LocalDateResolver.parseValue(value) as string),
  parseLiteral: (ast, variables) => inRange(LocalDateResolver.parseLiteral(ast, variables) as string),
});

const invalid = (value: unknown) =>
  new GraphQLError(`AcademicYear must be written like "2024/25", from 1900/01 to 2198/99; got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });

/** "2024/25" on the wire, the starting year (2024) inside the API. */
export const AcademicYear = new GraphQLScalarType<number, string>({
  name: 'AcademicYear',
  description: 'An English academic year, 1 September to 31 August, written "2024/25".',
  serialize: (value) => formatAcademicYear(value as number),
  parseValue: (value) => {
    const year = typeof value === 'string' ? parseAcademicYear(value) : undefined;
    if (year === undefined) throw invalid(value);
    return year;
  },
  parseLiteral: (ast) => {
    const year = ast.kind === Kind.STRING ? parseAcademicYear(ast.value) : undefined;
    if (year === undefined) throw invalid(ast.kind === Kind.STRING ? ast.value : ast.kind);
    return year;
  },
});
