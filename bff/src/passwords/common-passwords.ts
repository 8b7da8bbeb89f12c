// The bundled list of common passwords (common-passwords.txt, one per line, lower case) and the
// checks that catch their trivial variants: case, and predictable digits or symbols at the end.
import { readFileSync } from 'node:fs';

const list = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

export function isCommonPassword(password: string): boolean {
  const p = password.normalize('NFC').toLowerCase();
  if (list.has(p)) return true;
  // "Welkom2024!!!!" is "welkom" with decoration: strip trailing digits and symbols and look again.
  const stem = p.replace(/[^\p{L}]+$/u, '');
  if (stem.length >= 4 && list.has(stem)) return true;
  // One character repeated, or a run along the keyboard or the digits, however long.
  if (/^(.)\1+$/u.test(p)) return true;
  if (isSequence(p)) return true;
  return false;
}

const runs = ['0123456789012345678901234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'azertyuiopqsdfghjklmwxcvbn'];

function isSequence(p: string): boolean {
  return runs.some((run) => {
    const doubled = run + run;
    const reversed = [...doubled].reverse().join('');
    return p.length >= 6 && (doubled.includes(p) || reversed.includes(p));
  });
}
