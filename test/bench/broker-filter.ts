// broker.filter_10k_ms: the pure broker search (widget/src/broker/broker-search.ts) answering one
// query over 10,000 entries; the index is built once, as the widget does when the step opens.
// Median over varied queries, each run many times after a warm-up.
import { indexForSearch, searchBrokers } from '../../widget/src/broker/broker-search.js';
import { manyBrokers } from '../support/many-brokers.js';
import { median, report } from './report.js';

const queries = ['n', 'noord', 'zuid maka', 'belgië', 'eh-gel', '1234', 'sleutel utrecht', 'xyz', 'é', 'brug 77'];

export function benchBrokerFilter(): void {
  const index = indexForSearch(manyBrokers(10_000));
  for (const q of queries) searchBrokers(index, q);
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const started = performance.now();
      searchBrokers(index, q);
      times.push(performance.now() - started);
    }
  }
  report('broker.filter_10k_ms', median(times), 'ms');
}
