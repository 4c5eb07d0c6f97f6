import { contractProblems } from '@riskledger/contracts';
import { randomUUID } from 'node:crypto';
import { lifeOf, newEvent } from './risk-life';

describe("the bench's risk life", () => {
  it('is ten events, each valid against its published schema', () => {
    const events = lifeOf(randomUUID()).flat().map(newEvent);
    expect(events).toHaveLength(10);
    expect(events.map((e) => [e.type, contractProblems(e)])).toEqual(
      events.map((e) => [e.type, []]),
    );
  });
});
