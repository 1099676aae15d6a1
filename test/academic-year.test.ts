import { academicYearBounds, academicYearOf, englishDate, formatAcademicYear, parseAcademicYear } from '../src/common/academic-year';

describe('academic year', () => {
  it.each([
    ['2024-09-01', 2024],
    ['2024-08-31', 2023],
    ['2025-01-15', 2024],
    ['2024-12-31', 2024],
    ['2025-08-31', 2024],
    ['2025-09-01', 2025],
  ])('%s belongs to the year starting %i', (date, year) => {
    expect(academicYearOf(date)).toBe(year);
  });

  it('counts a moment by its day in England', () => {
    expect(academicYearOf(new Date('2025-08-31T23:30:00Z'))).toBe(2025);
    expect(academicYearOf(new Date('2025-08-31T22:30:00Z'))).toBe(2024);
    expect(academicYearOf(new Date('2025-01-31T23:30:00Z'))).toBe(2024);
    expect(englishDate(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
  });

  it('writes and reads "2024/25"', () => {
    expect(formatAcademicYear(2024)).toBe('2024/25');
    expect(formatAcademicYear(1999)).toBe('1999/00');
    expect(parseAcademicYear('2024/25')).toBe(2024);
    expect(parseAcademicYear('1999/00')).toBe(1999);
  });

  it.each(['2024/26', '2024-25', '24/25', '', '2024/2025'])('refuses %p', (label) => {
    expect(parseAcademicYear(label)).toBeUndefined();
  });

  it('spans 1 September to 31 August', () => {
    expect(academicYearBounds(2024)).toEqual({ startsOn: '2024-09-01', endsOn: '2025-08-31' });
  });
});
