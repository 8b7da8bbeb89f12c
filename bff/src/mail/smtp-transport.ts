// The nodemailer SMTP transport, built from the SMTP_* environment variables. nodemailer is loaded
// at the first mail, not at start-up (without SMTP settings it is never needed).
import type { Transporter } from 'nodemailer';
import type { MailSettings } from '../config.js';
import { outboxMessageId } from './message-id.js';
import type { MailTransport } from './outbox-sender.js';

export function smtpTransport(settings: MailSettings & { host: string }): MailTransport & { close(): void } {
  let transporter: Promise<Transporter> | undefined;
  const connect = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    ));
  return {
    send: async (mail) => {
      await (await connect()).sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        // The same for every copy of this outbox mail (delivery is at-least-once).
        messageId: outboxMessageId(mail, settings.from),
      });
    },
    close: () => void transporter?.then((t) => t.close()),
  };
}
