// npm run soak [-- --minutes N] [--writers N]: the soak test (test/soak) in Jest, alone.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const args = process.argv.slice(2);
const env = { ...process.env };
for (let i = 0; i < args.length; i++) {
  const [flag, value] = [args[i], args[i + 1]];
  const name = {
    '--minutes': 'SOAK_MINUTES',
    '--writers': 'SOAK_WRITERS',
    '--readers': 'SOAK_READERS',
  }[flag];
  if (!name || !(Number(value) > 0)) {
    process.stderr.write(`usage: npm run soak -- [--minutes N] [--writers N] [--readers N]\n`);
    process.exit(2);
  }
  env[name] = value;
  i++;
}
const jest = join(__dirname, '../../node_modules/jest/bin/jest.js');
const result = spawnSync(process.execPath, [jest, '--selectProjects', 'soak', '--runInBand'], {
  cwd: join(__dirname, '../..'),
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
