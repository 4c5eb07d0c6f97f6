/**
 * A report year as instants: from New Year in Sweden to the next (exclusive). New Year always
 * falls in winter time, so Swedish midnight is 23:00 UTC the day before.
 */
export function reportYear(year: number): { from: Date; until: Date } {
  return {
    from: new Date(`${year}-01-01T00:00:00+01:00`),
    until: new Date(`${year + 1}-01-01T00:00:00+01:00`),
  };
}
