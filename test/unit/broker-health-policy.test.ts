// When a broker counts as down: its metadata cannot be had, or enough recent logins failed on
// faults of the broker itself (never on answers anyone could post).
import { describe, expect, it } from 'vitest';
import { brokerAvailability, brokerFaultReasons, FAULTS_FOR_DOWN } from '../../bff/src/eherkenning/broker-health-policy.js';

const at = new Date('2026-12-01T10:00:00Z');

describe('brokerAvailability', () => {
  it('is down since the metadata failed, whatever the answers say', () => {
    expect(brokerAvailability({ metadataFailedSince: at, recent: { ends: 100, faults: 0 } })).toEqual({ available: false, since: at, cause: 'metadata' });
  });

  it('is down on calls only with enough faults that are at least half of the recent logins', () => {
    expect(brokerAvailability({ recent: { ends: FAULTS_FOR_DOWN, faults: FAULTS_FOR_DOWN, firstFaultAt: at } })).toEqual({ available: false, since: at, cause: 'calls' });
    expect(brokerAvailability({ recent: { ends: 6, faults: 3, firstFaultAt: at } })).toMatchObject({ available: false });
    expect(brokerAvailability({ recent: { ends: 7, faults: 3, firstFaultAt: at } })).toEqual({ available: true });
    expect(brokerAvailability({ recent: { ends: 2, faults: FAULTS_FOR_DOWN - 1, firstFaultAt: at } })).toEqual({ available: true });
    expect(brokerAvailability({})).toEqual({ available: true });
    expect(brokerAvailability({ metadataFailedSince: null, recent: { ends: 0, faults: 0 } })).toEqual({ available: true });
  });

  it('counts only faults an outsider cannot cause', () => {
    expect([...brokerFaultReasons].sort()).toEqual(['artifact_resolution_failed', 'metadata_dev_broker_unavailable', 'metadata_expired', 'metadata_fetch_failed']);
    for (const postable of ['status_Responder', 'status_AuthnFailed', 'signature_invalid', 'artifact_not_resolved', 'xml_malformed']) {
      expect(brokerFaultReasons as readonly string[]).not.toContain(postable);
    }
  });
});
