// A real SMTP server for a test: receives mails, parses them with mailparser, keeps them in order.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { smtpTransport } from '../../bff/src/mail/smtp-transport.js';
import type { MailTransport } from '../../bff/src/mail/outbox-sender.js';

/** A mail as the server took it: parsed, and when its DATA had arrived (before the "250 OK" went back). */
export type ReceivedMail = ParsedMail & { receivedAt: Date };

export interface TestSmtp {
  port: number;
  mails: ReceivedMail[];
  /** A nodemailer transport that delivers to this server. */
  transport: MailTransport & { close(): void };
  /** When set, the server refuses every mail (SMTP down or failing). */
  refuse: boolean;
  /** How long the server takes over each mail before it answers (a slow SMTP server), in ms. */
  delayMs: number;
  /** Stops listening and drops open connections (the server is gone), until up(). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const state = { refuse: false, delayMs: 0 };
  // A new server object for each up(): a closed SMTPServer still ends new connections with 421.
  const makeServer = () => new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      if (state.refuse) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('451 try again later'), { responseCode: 451 })));
        return;
      }
      // When the whole message was in (the end of DATA), not when parsing it ended: on a busy
      // machine that can be a second later.
      let receivedAt: Date | undefined;
      stream.once('end', () => (receivedAt = new Date()));
      simpleParser(stream)
        .then(async (mail) => {
          if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
          mails.push(Object.assign(mail, { receivedAt: receivedAt ?? new Date() }));
          callback();
        })
        .catch(callback);
    },
  });
  const listening = () => {
    const made = makeServer();
    // A client gone mid-conversation (a killed Poort instance) is an 'error' on the server; without a
    // listener it would end the test process.
    made.on('error', () => {});
    return made;
  };
  let server = listening();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const transport = smtpTransport({ host: '127.0.0.1', port, secure: false, user: undefined, password: undefined, from: 'Poort <noreply@poort.test>' });
  return {
    port,
    mails,
    transport,
    get refuse() {
      return state.refuse;
    },
    set refuse(v: boolean) {
      state.refuse = v;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(v: number) {
      state.delayMs = v;
    },
    down: () => new Promise<void>((resolve) => server.close(() => resolve())),
    up: () => new Promise<void>((resolve, reject) => {
      server = listening();
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolve();
      });
    }),
    close: async () => {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The single link in a mail's text. */
export function linkIn(mail: ParsedMail): URL {
  const match = /https?:\/\/\S+/.exec(mail.text ?? '');
  if (!match) throw new Error(`no link in mail "${mail.subject}"`);
  return new URL(match[0]);
}
