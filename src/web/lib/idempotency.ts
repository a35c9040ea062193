/** What the server takes as an `Idempotency-Key`: 8–64 of `[A-Za-z0-9_-]`. */
export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,64}$/;

/** A fresh key: a random UUID without its dashes (32 hex digits). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * True when the request may or may not have been carried out: no answer at all, or a server
 * error on the way. Only then is sending it again with the same key the right move; a 4xx is an
 * answer, and the next tap is a new attempt.
 */
export function isUnanswered(error: unknown): boolean {
  // Read structurally (an ApiError carries `status`, 0 for no answer) so this stays free of the
  // client and its i18n, and can be tested on its own.
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  return typeof status === 'number' && (status === 0 || status >= 500);
}

/**
 * The key of one buyer's tap. Each tap gets a new key, except when the last tap on the same
 * request went unanswered: then the server may already have placed the order or charge, so the
 * tap is a retry and keeps its key, and the server answers with what it did the first time.
 * The fingerprint names the request (what and how much); a changed request is a new tap.
 */
export class TapKeys {
  private held: { fingerprint: string; key: string } | null = null;

  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  /** The key to send for a tap on `fingerprint`. */
  take(fingerprint: string): string {
    if (this.held?.fingerprint === fingerprint) return this.held.key;
    const key = this.generate();
    this.held = { fingerprint, key };
    return key;
  }

  /** After the answer: an unanswered tap keeps its key for the retry; anything else lets it go. */
  settle(key: string, error?: unknown): void {
    if (this.held?.key !== key) return;
    if (error === undefined || !isUnanswered(error)) this.held = null;
  }

  /** The key waiting for a retry, if the last tap went unanswered. */
  get pending(): string | undefined {
    return this.held?.key;
  }
}

export interface SendOptions {
  /** Extra attempts made at once when there is no answer; each reuses the tap's key. */
  retries?: number;
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one tap: takes its key, retries a few times with the same key while the server does not
 * answer, and keeps the key for the buyer's next tap if it never does.
 */
export async function sendTap<T>(
  keys: TapKeys,
  fingerprint: string,
  send: (key: string) => Promise<T>,
  { retries = 2, retryDelayMs = 700, sleep = wait }: SendOptions = {},
): Promise<T> {
  const key = keys.take(fingerprint);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await send(key);
      keys.settle(key);
      return result;
    } catch (error) {
      if (attempt < retries && isUnanswered(error)) {
        await sleep(retryDelayMs * (attempt + 1));
        continue;
      }
      keys.settle(key, error);
      throw error;
    }
  }
}
