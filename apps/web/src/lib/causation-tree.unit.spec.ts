import { causationTree } from './causation-tree';

describe('causationTree', () => {
  it('hangs each entry under its cause when the cause is among them, keeping log order', () => {
    const entries = [
      { eventId: 'a', causationId: 'origin' },
      { eventId: 'b', causationId: 'a' },
      { eventId: 'c', causationId: 'origin' },
      { eventId: 'd', causationId: 'b' },
      { eventId: 'e', causationId: 'a' },
      { eventId: 'f', causationId: null },
    ];
    const ids = (nodes: ReturnType<typeof causationTree>): unknown =>
      nodes.map((n) => (n.children.length ? [n.entry.eventId, ids(n.children)] : n.entry.eventId));
    expect(ids(causationTree(entries))).toEqual([['a', [['b', ['d']], 'e']], 'c', 'f']);
  });
});
