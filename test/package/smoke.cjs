// Run by scripts/smoke-pack.sh in a scratch project where the packed tarball is installed.
const assert = require('node:assert/strict');
const { readdirSync, readFileSync } = require('node:fs');

for (const name of readdirSync('api').map((file) => file.replace('.api.txt', ''))) {
  const specifier = name === 'index' ? 'millwright' : `millwright/${name}`;
  const cjs = require(specifier);
  const values = readFileSync(`api/${name}.api.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith(': value') || line.endsWith(': value+type'))
    .map((line) => line.split(':')[0]);
  for (const value of values)
    assert.ok(cjs[value] !== undefined, `require ${specifier}: ${value} is missing`);
  console.log(`require ${specifier}: ${values.length} values`);
}
const { validate, WorkOrder, createEvent } = require('millwright');
assert.equal(validate(WorkOrder, { id: 'x' }).ok, false);
assert.equal(typeof createEvent, 'function');
console.log('require: functions work');

// The User-Agent names millwright and the version of the package as published.
(async () => {
  const { createServer } = require('node:http');
  const { version } = require('millwright/package.json');
  const { createRestClient } = require('millwright/rest');
  const agents = [];
  const server = createServer((request, response) => {
    agents.push(request.headers['user-agent']);
    response.writeHead(204).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = createRestClient({
    baseURL: `http://127.0.0.1:${server.address().port}`,
    retry: { attempts: 1 },
  });
  await client.get('/');
  server.close();
  server.closeAllConnections();
  assert.equal(agents[0], `millwright/${version}`, 'CJS User-Agent names the package version');
  console.log(`require: User-Agent ${agents[0]}`);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
