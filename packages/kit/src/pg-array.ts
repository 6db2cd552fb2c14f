/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) passed as ONE text parameter: MikroORM's raw queries go
 * through knex, which would expand a JS array parameter into a list of parameters.
 */
export function pgArray(values: readonly unknown[]): string {
  const element = (value: unknown) =>
    value === null || value === undefined
      ? 'NULL'
      : `"${(value instanceof Date ? value.toISOString() : String(value)).replace(/["\\]/g, '\\$&')}"`;
  return `{${values.map(element).join(',')}}`;
}
