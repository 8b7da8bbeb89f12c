// Where notifications go (pure): the separate notification address once its owner confirmed it
// through the mailed link (seed 000: "een ander mailadres voor notificaties kan wél"), else the
// login address.
import type { User } from '../../../db/schema.js';

export function notificationAddress(user: Pick<User, 'email' | 'notificationEmail' | 'notificationEmailVerifiedAt'>): string | null {
  if (user.notificationEmail && user.notificationEmailVerifiedAt) return user.notificationEmail;
  return user.email;
}
