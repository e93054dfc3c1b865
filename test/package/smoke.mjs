// Run by scripts/smoke-pack.sh in a scratch project where the packed tarball is installed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const entries = readdirSync('api').map((file) => file.replace('.api.txt', ''));
for (const name of entries) {
  const specifier = name === 'index' ? 'millwright' : `millwright/${name}`;
  const esm = await import(specifier);
  const values = readFileSync(`api/${name}.api.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith(': value') || line.endsWith(': value+type'))
    .map((line) => line.split(':')[0]);
  for (const value of values) assert.ok(esm[value] !== undefined, `import ${specifier}: ${value} is missing`);
  console.log(`import ${specifier}: ${values.length} values`);
}

const esm = await import('millwright');
const cjs = require('millwright');
assert.equal(esm.validate(esm.Quantity, { value: '1.5', unit: 'KGM' }).ok, true);
try {
  esm.parseEvent('{');
  assert.fail('parseEvent accepted broken JSON');
} catch (error) {
  assert.ok(error instanceof esm.ValidationError, 'ESM error is an ESM ValidationError');
  assert.ok(error instanceof cjs.ValidationError, 'ESM error is recognised by the CJS build');
  assert.ok(error instanceof cjs.MillwrightError, 'ESM error is a CJS MillwrightError');
  assert.ok(!(error instanceof cjs.MappingError), 'ESM ValidationError is not a CJS MappingError');
}
const { createRestClient } = await import('millwright/rest');
const client = createRestClient({
  baseURL: 'http://127.0.0.1:9/api',
  retry: { attempts: 1 },
  timeoutMs: 2000,
});
await client.get('/workorders').then(
  () => assert.fail('a request to a closed port succeeded'),
  (error) => {
    assert.ok(error instanceof esm.TransportError, 'ESM rest error is an ESM TransportError');
    assert.ok(error instanceof cjs.NetworkError, 'ESM rest error is recognised by the CJS core build');
  },
);
const { WorkOrder } = await import('millwright/io-ts');
assert.equal(WorkOrder.is({}), false);
console.log('import: cross-build errors and functions work');

// The User-Agent names millwright and the version of the package as published.
{
  const { createServer } = await import('node:http');
  const { version } = require('millwright/package.json');
  const agents = [];
  const server = createServer((request, response) => {
    agents.push(request.headers['user-agent']);
    response.writeHead(204).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const ua = createRestClient({
    baseURL: `http://127.0.0.1:${server.address().port}`,
    retry: { attempts: 1 },
  });
  await ua.get('/');
  server.close();
  server.closeAllConnections();
  assert.equal(agents[0], `millwright/${version}`, 'ESM User-Agent names the package version');
  console.log(`import: User-Agent ${agents[0]}`);
}
