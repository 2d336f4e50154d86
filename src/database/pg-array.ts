/**
 * A PostgreSQL array literal for text values. The query layer expands JS arrays into value lists,
 * so arrays travel as one literal and are cast in SQL (`?::text[]`).
 */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
