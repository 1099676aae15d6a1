import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatAcademicYear, parseAcademicYear } from './academic-year';

export { LocalDateResolver as LocalDate, DateTimeResolver as DateTime } from 'graphql-scalars';

const invalid = (value: unknown) =>
  new GraphQLError(`AcademicYear must be written like "2024/25", got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });

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
