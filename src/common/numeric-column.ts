/** A `numeric` column as a JavaScript number: the driver reads numeric as a string to keep its precision, which days and hours here never need. */
export const numericColumn = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value == null ? null : Number(value)),
};
