const MAX_SHOWN = 40;

/** Quotes a cell for a problem message, cut so one long cell cannot flood the report. */
export function describeValue(raw: string): string {
  const shown = raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw;
  return JSON.stringify(shown);
}
