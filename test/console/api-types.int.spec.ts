import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSystem, type RunningSystem } from '../support/running-system';

const run = promisify(execFile);

/**
 * The console's request and response types are generated from the OpenAPI document; when the API
 * changes, they must be regenerated (npm run web:api-types) or the console would call what is gone.
 */
describe("the console's API types", () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.stop());

  it("match the running API's OpenAPI document", async () => {
    const script = join(__dirname, '../../apps/web/scripts/api-types.mjs');
    const result = await run(process.execPath, [script, '--check', '--url', system.baseUrl]).catch(
      (error: { stderr: string; code: number }) => error,
    );
    expect('stderr' in result ? result.stderr : '').toBe('');
  });
});
