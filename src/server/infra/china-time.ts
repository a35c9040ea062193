// Farms, certificates and harvests keep China Standard Time (UTC+8, no daylight saving), whatever
// zone the server runs in.
const offsetMs = 8 * 3600 * 1000;

/** The calendar date (YYYY-MM-DD) in China at an instant. */
export const chinaDateOf = (instant: Date): string => new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);

/** The instant a China wall-clock time happens, e.g. `chinaInstant('2026-05-31', '23:59:59.999')`. */
export const chinaInstant = (date: string, time = '00:00:00'): Date => new Date(`${date}T${time}+08:00`);

/** "YYYY-MM-DD HH:mm" in China, for messages a person reads. */
export const chinaDateTime = (instant: Date): string =>
  new Date(instant.getTime() + offsetMs).toISOString().slice(0, 16).replace('T', ' ');
