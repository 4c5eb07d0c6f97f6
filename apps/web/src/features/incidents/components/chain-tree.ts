import { causationTree, type CausationNode } from '../../../lib/causation-tree';
import type { Schemas } from '../../../lib/api/client';

export type ChainEntry = Schemas['ChainEntryResponse'];
export type ChainNode = CausationNode<ChainEntry>;

/**
 * The chain as a tree: the incident's own events, and under it what followed, each event under the
 * one that caused it when that one is in the chain too; what shares only the flow (correlation)
 * or names the incident itself as its cause hangs from the incident.
 */
export function chainTree(entries: readonly ChainEntry[]): {
  own: ChainEntry[];
  followed: ChainNode[];
} {
  return {
    own: entries.filter((entry) => entry.link === 'INCIDENT'),
    followed: causationTree(entries.filter((entry) => entry.link !== 'INCIDENT')),
  };
}
