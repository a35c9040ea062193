export { createNotificationService, type NotificationService } from './notification.service';
export { notificationsRoutes } from './notifications.routes';
