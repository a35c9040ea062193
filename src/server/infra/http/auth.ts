import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../contracts/accounts';
import { ForbiddenError, UnauthenticatedError } from '../errors';

export const sessionCookie = 'tt_session';

/** Who is calling, as far as the HTTP layer needs to know; resolved once per request. */
export interface RequestActor {
  userId: string;
  roles: Role[];
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
  }
  interface FastifyContextConfig {
    /** API routes need a session unless they say they are public. */
    public?: boolean;
    /** The caller needs at least one of these roles. */
    roles?: Role[];
  }
}

export interface SessionResolver {
  authenticate(token: string): Promise<RequestActor | undefined>;
}

export function registerSessionAuth(app: FastifyInstance, resolver: SessionResolver) {
  app.decorateRequest('actor', null);
  // onRequest, before body validation, so an anonymous caller learns "log in" before "bad field".
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/ws/')) return;
    const token = request.cookies[sessionCookie];
    if (!token || token.length > 100) return;
    request.actor = (await resolver.authenticate(token)) ?? null;
  });
  // Secure by default: before the body is even validated, an API route without `public: true`
  // refuses anonymous callers, and one with `roles` refuses everyone else.
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.is404) return;
    const { public: isPublic, roles } = request.routeOptions.config;
    if (isPublic) return;
    if (roles) requireRole(request, ...roles);
    else requireActor(request);
  });
}

export function requireActor(request: FastifyRequest): RequestActor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

/** Refuses unless the caller holds at least one of the roles. */
export function requireRole(request: FastifyRequest, ...roles: Role[]): RequestActor {
  const actor = requireActor(request);
  if (!roles.some((role) => actor.roles.includes(role))) throw new ForbiddenError();
  return actor;
}

export interface CookieSettings {
  secure: boolean;
  maxAgeSeconds: number;
}

export function setSessionCookie(reply: FastifyReply, token: string, settings: CookieSettings) {
  reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    path: '/',
    maxAge: settings.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
