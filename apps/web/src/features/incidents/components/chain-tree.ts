import { text } from '../../../lib/api/nullable';
import type { Schemas } from '../../../lib/api/client';

export type ChainEntry = Schemas['ChainEntryResponse'];

export interface ChainNode {
  entry: ChainEntry;
  /** What was done because of this event (its causation id names it). */
  children: ChainNode[];
}

/**
 * The chain as a tree: the incident's own events, and under it what followed, each event under the
 * one that caused it when that one is in the chain too; what shares only the flow (correlation)
 * or names the incident itself as its cause hangs from the incident.
 */
export function chainTree(entries: readonly ChainEntry[]): {
  own: ChainEntry[];
  followed: ChainNode[];
} {
  const own = entries.filter((entry) => entry.link === 'INCIDENT');
  const nodes = new Map<string, ChainNode>();
  for (const entry of entries) {
    if (entry.link !== 'INCIDENT') nodes.set(entry.eventId, { entry, children: [] });
  }
  const followed: ChainNode[] = [];
  for (const node of nodes.values()) {
    const cause = nodes.get(text(node.entry.causationId) ?? '');
    (cause && cause !== node ? cause.children : followed).push(node);
  }
  return { own, followed };
}
