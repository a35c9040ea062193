import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Role } from '../../contracts/accounts';
import { demoPassword, demoPeople } from './demo-world';

const DemoAccounts = Type.Object({
  items: Type.Array(
    Type.Object({
      phone: Type.String(),
      password: Type.String(),
      displayName: Type.String(),
      roles: Type.Array(Role),
      description: Type.String(),
    }),
  ),
});

/** Only registered in demo mode: lets a newcomer log in as any role with one tap. */
export const demoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/demo/accounts', { config: { public: true }, schema: { tags: ['demo'], response: { 200: DemoAccounts } } }, async (req) => ({
    items: demoPeople.map((p) => ({
      phone: p.phone,
      password: demoPassword,
      displayName: p.displayName,
      roles: [...new Set([...p.roles, ...(p.verifications ?? []).filter((v) => !v.pending).map((v) => v.role)])],
      description: req.locale === 'en' ? p.description.en : p.description.zh,
    })),
  }));
};
