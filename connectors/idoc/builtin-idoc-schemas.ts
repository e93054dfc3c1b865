import { generatedIdocSchemas } from './generated/generated-idoc-schemas.js';
import type { IdocSchema } from './idoc-schema.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The built-in definitions of the manufacturing IDoc types, generated from the parser-format
 * texts under `data/idoc/` (see its SOURCE.md): MATMAS05 (material master), BOMMAT04 (material
 * BOM), LOIPRO01 (production order), WMMBID02 (message WMMBXY, goods movements from a WMS),
 * MBGMCR03 (goods movement), CONF21 (PP-PDC time-ticket confirmations) and QALITY01 (message
 * QCERT, quality certificates). Where a public field list was incomplete, a segment lists its
 * fields only as far as they are known; the rest of its data is kept as raw `unparsed` text and
 * written back unchanged. Load your system's WE60 export with `loadIdocSchema` and put it first
 * to get every field.
 *
 * @example
 * const idocs = parseIdoc(file, { schemas: [loadIdocSchema(we60Text), ...builtinIdocSchemas] });
 */
export const builtinIdocSchemas: readonly IdocSchema[] = deepFreeze([...generatedIdocSchemas]);
