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

export interface Subscription {
  pattern: string;
  handler: BusHandler;
}

/** Runs each matching handler on its own, so one failing handler cannot stop the others. */
export function dispatch(subscribers: Iterable<Subscription>, event: BusEvent, onError: (err: unknown) => void): void {
  for (const sub of subscribers) {
    if (!matches(sub.pattern, event.type)) continue;
    queueMicrotask(() => {
      Promise.resolve()
        .then(() => sub.handler(event))
        .catch(onError);
    });
  }
}

export function subscribeTo(subscribers: Set<Subscription>, pattern: string, handler: BusHandler): () => void {
  const sub = { pattern, handler };
  subscribers.add(sub);
  return () => subscribers.delete(sub);
}
