import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

/** Opaque, time-sortable ids with a short type prefix so a stray id in a log says what it is. */
export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`;
}
