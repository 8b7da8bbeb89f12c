// The simulated supplier's page names the requested level as people know it, never as a code.
import { describe, expect, it } from 'vitest';
import { brokerPage, levelInWords } from '../../bff/src/eherkenning/dev-brokers/broker-page.js';
import { levels } from '../../contract/levels.js';

/** The page's text as a person reads it: no tags, no hidden field values. */
const visibleText = (page: string) =>
  page.replace(/<input[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('simulated supplier page', () => {
  it('writes each level in words', () => {
    expect(levels.map(levelInWords)).toEqual(['2', '2+', '3', '4']);
  });

  it.each([
    ['nl', 'Gevraagd betrouwbaarheidsniveau: eHerkenning niveau 2+'],
    ['nl-BE', 'Gevraagd betrouwbaarheidsniveau: eHerkenning niveau 2+'],
    ['en', 'Requested level of assurance: eHerkenning level 2+'],
  ] as const)('says the requested level in words in %s, and no code', (lang, words) => {
    const page = brokerPage({ lang, brokerName: 'Demo Leverancier Noord', answerAction: '/answer', level: 'loa2plus', service: 'eherkenning', state: { level: 'loa2plus' } });
    expect(visibleText(page)).toContain(words);
    expect(visibleText(page)).not.toContain('loa2plus');
  });

  it('offers the European test people for an eIDAS request, with their company identifier and the refused low means', () => {
    const page = visibleText(brokerPage({ lang: 'en', brokerName: 'Demo Leverancier Noord', answerAction: '/answer', level: 'loa3', service: 'eidas', state: {} }));
    expect(page).toContain('Log in as Klaus Becker for Beispiel Maschinenbau GmbH (eIDAS DE/NL/HRB123456)');
    expect(page).toContain('Ana García López');
    expect(page).toContain('level low (will be refused)');
    expect(page).not.toContain('Jan de Vries');
  });
});
