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
