// `npm run schemas` writes schemas/ from the zod models: one JSON Schema (2020-12) per canonical
// object, one per event type, and an AsyncAPI 3.0 document listing the events.
// `npm run schemas -- --check` writes nothing and fails when a committed file differs.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CloudEventEnvelope } from '../src/event/cloud-event.js';
import { type EventDataRule, type EventType, eventCatalog, eventTypes } from '../src/event/event-catalog.js';
import { canonicalObjects, SCHEMA_BASE } from '../src/model/canonical-objects.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'schemas');
const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

type JsonObject = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as JsonObject;
  delete json['$schema'];
  return json;
}

function objectSchemas(): Map<string, JsonObject> {
  const files = new Map<string, JsonObject>();
  for (const object of Object.values(canonicalObjects)) {
    files.set(`v1/${object.file}`, {
      $schema: JSON_SCHEMA_2020,
      $id: object.schemaId,
      title: object.name,
      ...toJsonSchema(object.schema),
    });
  }
  return files;
}

/** `millwright.workorder.released.v1` → `workorder.released` (its file name and AsyncAPI channel). */
function shortName(type: EventType): string {
  return type.replace(/^millwright\./, '').replace(/\.v\d+$/, '');
}

function ruleSchema(rule: EventDataRule): JsonObject {
  if ('values' in rule) {
    const value = rule.values.length === 1 ? { const: rule.values[0] } : { enum: rule.values };
    return { type: 'object', properties: { [rule.field]: value }, required: [rule.field] };
  }
  return rule.present
    ? { type: 'object', required: [rule.field] }
    : { type: 'object', not: { required: [rule.field] } };
}

function eventSchemas(): Map<string, JsonObject> {
  const envelope = toJsonSchema(CloudEventEnvelope);
  const properties = envelope['properties'] as JsonObject;
  const files = new Map<string, JsonObject>();
  for (const type of eventTypes) {
    const definition: { object: keyof typeof canonicalObjects; description: string; rule?: EventDataRule } =
      eventCatalog[type];
    const object = canonicalObjects[definition.object];
    const data =
      definition.rule === undefined
        ? { $ref: `../${object.file}` }
        : { allOf: [{ $ref: `../${object.file}` }, ruleSchema(definition.rule)] };
    files.set(`v1/events/${shortName(type)}.json`, {
      $schema: JSON_SCHEMA_2020,
      $id: `${SCHEMA_BASE}events/${shortName(type)}.json`,
      title: type,
      description: `${definition.description} A CloudEvents 1.0 event in structured mode whose data is a ${object.name}.`,
      ...envelope,
      properties: {
        ...properties,
        type: { const: type },
        dataschema: { const: object.schemaId, description: 'The $id of the JSON Schema of data.' },
        data,
      },
      required: [...new Set([...(envelope['required'] as string[]), 'data'])],
      propertyNames: { pattern: '^[a-z0-9]{1,20}$' },
    });
  }
  return files;
}

function asyncApi(): JsonObject {
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};
  for (const type of eventTypes) {
    const id = shortName(type).replace(/\./g, '-');
    const { description } = eventCatalog[type];
    messages[id] = {
      name: type,
      title: type,
      summary: description,
      contentType: 'application/cloudevents+json',
      payload: {
        schemaFormat: 'application/schema+json;version=draft-2020-12',
        schema: { $ref: `v1/events/${shortName(type)}.json` },
      },
    };
    channels[id] = {
      address: type,
      description: `Events of type ${type}. Use the type as topic, subject or routing key.`,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    operations[`publish-${id}`] = {
      action: 'send',
      summary: `A producer publishes ${type}.`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'millwright canonical manufacturing events',
      version: '1.0.0',
      description:
        'CloudEvents 1.0 (structured mode) that carry millwright canonical objects. Each event carries the whole ' +
        'current object as data; the data schema is named by dataschema.',
    },
    defaultContentType: 'application/cloudevents+json',
    channels,
    operations,
    components: { messages },
  };
}

function render(value: JsonObject): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function listFiles(directory: string): string[] {
  try {
    return readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(outDir, join(entry.parentPath, entry.name)));
  } catch {
    return [];
  }
}

const generated = new Map<string, string>();
for (const [file, schema] of [...objectSchemas(), ...eventSchemas()]) generated.set(file, render(schema));
generated.set('asyncapi.json', render(asyncApi()));

if (process.argv.includes('--check')) {
  const stale: string[] = [];
  for (const [file, text] of generated) {
    let committed: string | undefined;
    try {
      committed = readFileSync(join(outDir, file), 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== text) stale.push(`${file} (${committed === undefined ? 'missing' : 'differs'})`);
  }
  for (const file of listFiles(outDir)) if (!generated.has(file)) stale.push(`${file} (not generated)`);
  if (stale.length > 0) {
    console.error(`schemas/ is stale; run \`npm run schemas\` and commit:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`schemas/ is up to date (${generated.size} files)`);
} else {
  rmSync(outDir, { recursive: true, force: true });
  for (const [file, text] of generated) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), text);
  }
  console.log(`wrote ${generated.size} files to schemas/`);
}
