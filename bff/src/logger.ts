import { pino, type Logger } from 'pino';

/**
 * Poort's logger. Whatever a call site passes, these paths never reach the log: secrets,
 * passwords, tokens, PINs and SAML messages are redacted by name as a second line of defence.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['password', 'token', 'pin', 'SAMLResponse', 'SAMLart', 'cookie', 'authorization', '*.password', '*.token', '*.pin', '*.cookie', '*.authorization'],
      censor: '[redacted]',
    },
  });
}
