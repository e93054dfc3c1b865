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
 * MBGMCR03 (goods movement) and PPCC2PRETTICKET01 (PP-PDC time tickets). Field layouts come
 * from public data-dictionary listings and are **partial** except where a listing was complete
 * (E1BP_PP_TIMETICKET, E1AFPOL, E1MASTM, E1STKOM): a segment lists its fields only as far as
 * every field before them is verified (e.g. LOIPRO01's E1AFKOL stops at GSTRP; its E1AFVOL and
 * E1RESBL, BOMMAT04's E1STPOM and all of WMMBID02 are known by name only). The rest of a
 * segment's data is kept as raw `unparsed` text and written back unchanged, and the mappings
 * decide nothing from it. Load your system's WE60 export with `loadIdocSchema` and put it first
 * to get every field; IDoc-XML needs no layout.
 *
 * @example
 * const idocs = parseIdoc(file, { schemas: [loadIdocSchema(we60Text), ...builtinIdocSchemas] });
 */
export const builtinIdocSchemas: readonly IdocSchema[] = deepFreeze([...generatedIdocSchemas]);
