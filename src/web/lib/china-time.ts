// Farms keep China time: a date or time a seller enters means the clock on the farm, whatever
// zone the phone or laptop happens to be set to.
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function chinaParts(at: Date): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(at).map((p) => [p.type, p.value]));
}

/** Today on the farm as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  const p = chinaParts(now);
  return `${p['year']}-${p['month']}-${p['day']}`;
}

/** An instant as a `datetime-local` value (YYYY-MM-DDTHH:mm) in China time. */
export function isoToChinaLocal(iso: string | Date = new Date()): string {
  const p = chinaParts(typeof iso === 'string' ? new Date(iso) : iso);
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`;
}

/** A `datetime-local` value read as China time, as an ISO timestamp; undefined when malformed. */
export function chinaLocalToIso(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(value);
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}${match[3] ?? ':00'}+08:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
