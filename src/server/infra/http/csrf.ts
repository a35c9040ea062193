import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request refusal for cookie-authenticated writes, on top of SameSite=Lax: a
 * browser always labels its requests (Sec-Fetch-Site, Origin), so a write is refused when the
 * browser says it came from another site. Requests with neither header are not from a browser
 * and carry no ambient cookie risk. Hand-written because the token-based plugins solve a
 * different problem (forms without Origin) at the cost of a round trip.
 */
export function registerCsrfGuard(app: FastifyInstance, publicUrl: string) {
  const trusted = new Set([new URL(publicUrl).origin]);
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (site === 'same-origin' || site === 'none') return;
    const origin = request.headers.origin;
    if (origin === undefined) {
      if (site === undefined) return;
      throw new DomainError('CSRF_REJECTED', 403);
    }
    const host = request.headers.host;
    if (trusted.has(origin) || (host && (origin === `http://${host}` || origin === `https://${host}`))) return;
    request.log.warn({ origin, site }, 'cross-site write refused');
    throw new DomainError('CSRF_REJECTED', 403);
  });
}
