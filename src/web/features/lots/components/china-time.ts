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

/** Today on the farm (China time) as YYYY-MM-DD, whatever the device's own zone. */
export function todayInChina(now: Date = new Date()): string {
  const p = chinaParts(now);
  return `${p['year']}-${p['month']}-${p['day']}`;
}

/** Now in China as a `datetime-local` value (YYYY-MM-DDTHH:mm). */
export function nowInChinaLocal(now: Date = new Date()): string {
  const p = chinaParts(now);
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`;
}

/**
 * A `datetime-local` value read as China time. The input has no zone of its own, and a seller
 * travelling with a phone set to another zone still means the time on the farm.
 */
export function chinaLocalToIso(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(value);
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}${match[3] ?? ':00'}+08:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
