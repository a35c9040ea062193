import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { Type } from 'typebox';

export interface OpsOptions {
  /** Each dependency the node cannot serve without; readiness fails when one does not answer. */
  checks: Record<string, () => Promise<void>>;
  /** Modules add their own metrics to the node's registry. */
  metrics?: Array<(registry: Registry) => void>;
}

const Health = Type.Object({ status: Type.String() });
const Ready = Type.Object({ status: Type.String(), checks: Type.Record(Type.String(), Type.String()) });

/** Liveness, readiness and Prometheus metrics for the load balancer and the operator. */
export const opsRoutes: FastifyPluginAsyncTypebox<OpsOptions> = async (app, opts) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tiantou_' });
  const duration = new Histogram({
    name: 'tiantou_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  for (const add of opts.metrics ?? []) add(registry);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const hidden = { hide: true } as const;
  app.get('/healthz', { schema: { ...hidden, response: { 200: Health } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { ...hidden, response: { 200: Ready, 503: Ready } } }, async (_req, reply) => {
    const results: Record<string, string> = {};
    let ready = true;
    await Promise.all(
      Object.entries(opts.checks).map(async ([name, check]) => {
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
          ]);
          results[name] = 'ok';
        } catch (err) {
          ready = false;
          results[name] = err instanceof Error ? err.message : 'failed';
        }
      }),
    );
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks: results });
  });

  app.get('/metrics', { schema: hidden }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
};
