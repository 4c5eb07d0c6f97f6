import { runWindow } from './measure';

describe('runWindow', () => {
  it('measures no writer’s first operation, however long it takes', async () => {
    const firstOf = new Set<number>();
    const result = await runWindow(
      4,
      async (writer, n) => {
        if (n === 0) {
          firstOf.add(writer);
          // A new connection: longer than the warm-up and the window together.
          await new Promise((resolve) => setTimeout(resolve, 120));
        } else {
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        return 1;
      },
      { warmupSeconds: 0.01, seconds: 0.05 },
    );
    expect([...firstOf].sort()).toEqual([0, 1, 2, 3]);
    expect(result.p99).toBeLessThan(100);
    expect(result.ops).toBeGreaterThan(4);
  });
});
