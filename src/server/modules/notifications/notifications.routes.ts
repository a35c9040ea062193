import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { cursorProperties, Ok, Timestamp } from '../../../contracts/common';
import { ErrorBody } from '../../../contracts/errors';
import { requireActor } from '../../infra/http/auth';
import type { NotificationService } from './notification.service';

const NotificationPage = Type.Object({
  unread: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      text: Type.String(),
      data: Type.Record(Type.String(), Type.Unknown()),
      createdAt: Timestamp,
      readAt: Type.Union([Timestamp, Type.Null()]),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const notificationsRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationService }> = async (app, { notifications }) => {
  app.get(
    '/me/notifications',
    {
      schema: {
        tags: ['accounts'],
        querystring: Type.Object(cursorProperties, { additionalProperties: false }),
        response: { 200: NotificationPage, '4xx': ErrorBody },
      },
    },
    async (req) => notifications.list(requireActor(req).userId, req.locale, req.query.cursor, req.query.limit),
  );
  app.post('/me/notifications/read', { schema: { tags: ['accounts'], response: { 200: Ok, '4xx': ErrorBody } } }, async (req) => {
    await notifications.markAllRead(requireActor(req).userId);
    return { ok: true as const };
  });
};
