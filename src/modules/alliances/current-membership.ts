/** A school membership in force today: started, and not yet ended. One definition for every query. */
export const currentMembership = (alias: string): string =>
  `(${alias}.starts_on <= current_date AND (${alias}.ends_on IS NULL OR ${alias}.ends_on >= current_date))`;
