// The console's types for every request and response, generated from the running API's OpenAPI
// document, so that the console can call nothing the API does not offer.
//   node apps/web/scripts/api-types.mjs [--url http://localhost:3000] [--check]
// --check exits 1 when the committed file differs from what the document gives (npm test runs it).
import openapiTS, { astToString } from 'openapi-typescript';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../src/lib/api/schema.d.ts', import.meta.url));
const args = process.argv.slice(2);
const url = args.includes('--url') ? args[args.indexOf('--url') + 1] : 'http://localhost:3000';
const check = args.includes('--check');

const response = await fetch(`${url}/docs-json`);
if (!response.ok) {
  console.error(
    `GET ${url}/docs-json answered ${response.status}: is the API running (npm start)?`,
  );
  process.exit(2);
}
const header =
  "// Generated from the API's OpenAPI document by apps/web/scripts/api-types.mjs. Do not edit.\n";
const generated = header + astToString(await openapiTS(await response.json()));
if (check) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== generated) {
    console.error(`${target} does not match the API's OpenAPI document: run npm run web:api-types`);
    process.exit(1);
  }
  console.log("the console's API types match the OpenAPI document");
} else {
  await writeFile(target, generated);
  console.log(`wrote ${target}`);
}
