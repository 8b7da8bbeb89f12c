// The Message-ID of an outbox mail (pure). Delivery is at-least-once: a crash between handing a mail
// to SMTP and marking it sent sends it again. Every copy carries the same Message-ID, derived from
// the outbox row, so mail servers and clients can fold the copies into one.

/** The domain of MAIL_FROM's address ("Poort <noreply@gemeente.nl>" → "gemeente.nl"). */
export function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)\s*>?\s*$/.exec(from.trim());
  return match ? match[1]!.toLowerCase() : 'localhost';
}

/**
 * `<poort.{id}.{created}@{domain}>`: the row id with its creation time (base 36 milliseconds), so
 * ids that start again in another database (another environment, a rebuilt one) give other ids.
 */
export function outboxMessageId(mail: { id: number; createdAt: Date }, from: string): string {
  return `<poort.${mail.id}.${mail.createdAt.getTime().toString(36)}@${senderDomain(from)}>`;
}
