/** A domain event as it travels between modules and nodes. */
export interface BusEvent<T = unknown> {
  type: string;
  at: string;
  data: T;
}

export type BusHandler = (event: BusEvent) => void | Promise<void>;

/**
 * Modules announce what happened (`order.paid`, `live.started`) and others react, so no
 * module reaches into another's tables. In-process by default, Redis pub/sub across nodes.
 */
export interface Bus {
  publish<T>(type: string, data: T): Promise<void>;
  /** Subscribes to one event type, or to every type starting with `prefix.` via `prefix.*`. */
  subscribe(pattern: string, handler: BusHandler): () => void;
  close(): Promise<void>;
}

export function matches(pattern: string, type: string): boolean {
  return pattern === type || pattern === '*' || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1)));
}
