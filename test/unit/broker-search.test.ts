import { describe, expect, it } from 'vitest';
import { Rank, indexForSearch, normalise, rankMatch, searchBrokers, searchText } from '../../widget/src/broker/broker-search.js';
import { manyBrokers } from '../support/many-brokers.js';

const brokers = [
  { id: 'kpn', name: 'KPN Lokale Overheid', aliases: ['Digidentity zakelijk'] },
  { id: 'eenvoud', name: 'Éénvoudig Inloggen', aliases: ['Eenvoudig'] },
  { id: 'connectis', name: 'Connectis', aliases: ['Signicat'] },
  { id: 'zuid', name: 'Demo Makelaar Zuid', aliases: ['Zuid', 'Simulated broker (Artifact)'] },
  { id: 'noord', name: 'Demo Makelaar Noord', aliases: ['Noord'] },
  { id: 'ons', name: 'Onze Sleutel', aliases: [] },
];
const index = indexForSearch(brokers);
const ids = (query: string) => searchBrokers(index, query).map((b) => b.id);

describe('normalise', () => {
  it('folds case and accents and turns punctuation into single spaces', () => {
    expect(normalise('  Éénvoudig-Inloggen  (BV) ')).toBe('eenvoudig inloggen bv');
    expect(normalise('Ça BELGIË')).toBe('ca belgie');
  });
});

describe('searchBrokers', () => {
  it('returns every broker in configured order for an empty or blank query', () => {
    expect(ids('')).toEqual(brokers.map((b) => b.id));
    expect(ids('   ')).toEqual(brokers.map((b) => b.id));
  });

  it('matches names accent- and case-insensitively', () => {
    expect(ids('EENVOUDIG')).toEqual(['eenvoud']);
    expect(ids('éénv')).toEqual(['eenvoud']);
  });

  it('matches aliases', () => {
    expect(ids('signicat')).toEqual(['connectis']);
    expect(ids('digidentity')).toEqual(['kpn']);
  });

  it('ranks a name prefix before an alias prefix before a word prefix before a substring', () => {
    expect(ids('on')).toEqual(['ons', 'connectis']);
    expect(ids('demo')).toEqual(['zuid', 'noord']);
  });

  it('puts a broker whose alias starts with the query before one that only contains it', () => {
    const idx = indexForSearch([
      { id: 'contains', name: 'Het Noordelijk Loket', aliases: [] },
      { id: 'alias', name: 'Loket', aliases: ['Noordelijk'] },
      { id: 'name', name: 'Noordelijk Loket', aliases: [] },
      { id: 'sub', name: 'Zuidnoordelijk', aliases: [] },
    ]);
    expect(searchBrokers(idx, 'noordelijk').map((b) => b.id)).toEqual(['name', 'alias', 'contains', 'sub']);
  });

  it('finds a name from its words in another order', () => {
    expect(ids('makelaar noord')).toEqual(['noord']);
    expect(ids('noord makelaar')).toEqual(['noord']);
  });

  it('returns nothing when nothing matches', () => {
    expect(ids('xyz')).toEqual([]);
  });

  it('ranks each kind of match as documented', () => {
    const entry = searchText('Demo Makelaar Noord', ['Noord']);
    expect(rankMatch(entry, 'demo')).toBe(Rank.namePrefix);
    expect(rankMatch(entry, 'noo')).toBe(Rank.aliasPrefix);
    expect(rankMatch(searchText('Demo Makelaar'), 'make')).toBe(Rank.wordPrefix);
    expect(rankMatch(entry, 'kelaar')).toBe(Rank.substring);
    expect(rankMatch(entry, 'noord demo')).toBe(Rank.allWords);
    // Words spread over the name and an alias do not make a match.
    expect(rankMatch(searchText('Demo Zuid', ['Noord']), 'zuid noord')).toBe(-1);
    expect(rankMatch(entry, 'zuid')).toBe(-1);
  });
});

describe('searchBrokers over 10,000 entries', () => {
  const many = manyBrokers(10_000);
  const big = indexForSearch(many);

  it('returns all 10,000 for an empty query', () => {
    expect(searchBrokers(big, '')).toHaveLength(10_000);
  });

  it('finds one broker by its number, accent-insensitively by its region', () => {
    const hits = searchBrokers(big, 'noord makelaar belgie 0');
    expect(hits[0]!.id).toBe('broker-0');
    expect(searchBrokers(big, 'BELGIË').length).toBe(1000);
  });

  it('ranks name prefixes first across the whole list', () => {
    const hits = searchBrokers(big, 'zuid');
    expect(hits).toHaveLength(1000);
    expect(hits.every((b) => b.name.startsWith('Zuid'))).toBe(true);
  });
});
