import { text } from './api/nullable';

/** An entry of the log as far as causation goes: its id and the id of what caused it. */
export interface Caused {
  eventId: string;
  /** A string or null (typed loosely by the generated types: see nullable.ts). */
  causationId?: unknown;
}

export interface CausationNode<T extends Caused> {
  entry: T;
  /** What was recorded because of this entry (their causation id names it). */
  children: CausationNode<T>[];
}

/**
 * Entries as a tree by causation: each under the entry that caused it when that one is among
 * them, the rest at the top, in the order given (log order).
 */
export function causationTree<T extends Caused>(entries: readonly T[]): CausationNode<T>[] {
  const nodes = new Map(
    entries.map((entry) => [entry.eventId, { entry, children: [] as CausationNode<T>[] }]),
  );
  const roots: CausationNode<T>[] = [];
  for (const node of nodes.values()) {
    const cause = nodes.get(text(node.entry.causationId) ?? '');
    (cause && cause !== node ? cause.children : roots).push(node);
  }
  return roots;
}
