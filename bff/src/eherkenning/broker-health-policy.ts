// Whether a broker is down now, from what the instances saw: its metadata (no usable copy at all)
// and calls to it that failed. Only faults an outsider cannot cause count: anyone can post an
// unsigned error status or a broken answer to a login they started themselves, so counting those
// would let a stranger take a broker out of the list. Transport failures and timeouts of artifact
// resolution (Poort calling the broker) and metadata failures cannot be faked that way.

/** Audit reasons that mean the broker itself failed Poort, whoever started the login. */
export const brokerFaultReasons = ['artifact_resolution_failed', 'metadata_fetch_failed', 'metadata_expired', 'metadata_dev_broker_unavailable'] as const;

/** How far back answers count, and how many faults in that window make a broker down. */
export const HEALTH_WINDOW_MS = 15 * 60_000;
export const FAULTS_FOR_DOWN = 3;
export const FAULT_SHARE_FOR_DOWN = 0.5;

export interface BrokerObservations {
  /** Since when no usable metadata could be had (cleared by the next success). */
  metadataFailedSince?: Date | null;
  /** eHerkenning login ends in the window: all of them, and those for a broker fault. */
  recent?: { ends: number; faults: number; firstFaultAt?: Date | null };
}

export type BrokerAvailability = { available: true } | { available: false; since: Date; cause: 'metadata' | 'calls' };

export function brokerAvailability(seen: BrokerObservations): BrokerAvailability {
  if (seen.metadataFailedSince) return { available: false, since: seen.metadataFailedSince, cause: 'metadata' };
  const recent = seen.recent;
  if (recent && recent.faults >= FAULTS_FOR_DOWN && recent.faults >= FAULT_SHARE_FOR_DOWN * recent.ends && recent.firstFaultAt) {
    return { available: false, since: recent.firstFaultAt, cause: 'calls' };
  }
  return { available: true };
}
