// Edges of broker-search.ts that mutation testing found untried. Nothing is computed at module
// level here: a mutant that throws must fail a test, not the file's import (which Stryker's vitest
// runner does not count as a kill).
import { describe, expect, it } from 'vitest';
import { normalise, Rank, rankMatch, searchText } from '../../widget/src/broker/broker-search.js';

describe('normalise', () => {
  it('takes composed accents apart before dropping them', () => {
    expect(normalise('\u00c9\u00e9n')).toBe('een');
  });
});

describe('searchText', () => {
  it('is the name alone when there are no aliases', () => {
    expect(searchText('Makelaar Noord')).toBe(' makelaar noord');
  });
});

describe('rankMatch without the query words given', () => {
  it('splits the query into words at spaces, not into characters', () => {
    expect(rankMatch(' makelaar noord', 'noord makelaar')).toBe(Rank.allWords);
    expect(rankMatch(' abc', 'cba')).toBe(-1);
  });
});
