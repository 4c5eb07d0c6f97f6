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

/**
 * When a year's report closes: at the end of its goals' measurement window (the domain's
 * measurementWindow: the year and the first quarter after it, when the year-end figures come in).
 * From then on the report reads the log only up to this moment, so that asking again gives the
 * same report and a correction recorded later shows in the next year's. 1 April is always summer
 * time in Sweden.
 */
export function reportClosesAt(year: number): Date {
  return new Date(`${year + 1}-04-01T00:00:00+02:00`);
}
