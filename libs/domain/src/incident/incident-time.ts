/** Clocks of reporters' devices drift; a time a little ahead of ours is not refused for that. */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;
