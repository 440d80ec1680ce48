/**
 * What an incremental load does, decided the same way by both stores: compare each meeting of the
 * new graph with the stored one and sort meetings into written, removed and unchanged.
 */
import type { MeetingPart } from './meeting-parts.js';
import { compareText } from './order.js';

/** What a store remembers about a meeting to decide whether it changed. */
export interface StoredMeetingState {
  contentHash: string;
  fingerprint: string;
}

export interface LoadPlan {
  /** New meetings, and stored meetings whose note or extracted subgraph changed; by id. */
  write: MeetingPart[];
  /** Ids of stored meetings the new graph no longer has; sorted. */
  remove: string[];
  /** Ids of meetings stored exactly as the new graph has them; sorted. */
  unchanged: string[];
}

export function planLoad(stored: ReadonlyMap<string, StoredMeetingState>, parts: MeetingPart[]): LoadPlan {
  const write: MeetingPart[] = [];
  const unchanged: string[] = [];
  const incoming = new Set<string>();
  for (const part of parts) {
    incoming.add(part.meeting.id);
    const before = stored.get(part.meeting.id);
    const same = before && before.contentHash === part.meeting.contentHash && before.fingerprint === part.fingerprint;
    if (same) unchanged.push(part.meeting.id);
    else write.push(part);
  }
  const remove = [...stored.keys()].filter((id) => !incoming.has(id));
  // The default sort compares strings by UTF-16 code unit, as compareText does, without a call per comparison.
  return {
    write: write.sort((a, b) => compareText(a.meeting.id, b.meeting.id)),
    remove: remove.sort(),
    unchanged: unchanged.sort(),
  };
}
