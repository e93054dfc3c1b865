import { z } from 'zod';
import { describeUnitCodeProblem, findUnitCodeProblem } from '../uom/unit-code-rules.js';
import { plainDataCheck } from '../validate/prototype-keys.js';
import {
  describeIdentifierProblem,
  describeTextProblem,
  IDENTIFIER_PATTERN,
  TEXT_PATTERN,
} from './character-rules.js';
import { listOf } from './list-of.js';

/**
 * The pattern of an exact decimal string: an optional minus, no leading zeros, an optional
 * fraction; no exponent, no plus sign, no thousands separators.
 */
export const DECIMAL_PATTERN = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * The longest decimal string a quantity may be: far beyond any real quantity (SAP's QUAN has 31
 * digits), and short enough that exact arithmetic on it stays cheap for untrusted input.
 */
export const MAX_DECIMAL_LENGTH = 1000;
const DECIMAL_TOO_LONG = `expected at most ${MAX_DECIMAL_LENGTH} characters`;

/** The message for a quantity given as a JSON number (or anything else that is not a string). */
function decimalTypeError(issue: { readonly input?: unknown }): string {
  return typeof issue.input === 'number'
    ? `expected an exact decimal string such as "${issue.input}" in quotes; a JSON number is a float and not exact`
    : 'expected an exact decimal string such as "12.5"';
}

/**
 * An exact decimal number written as a string, e.g. `"12.5"`, `"-0.001"`, `"1000"`. Quantities
 * are never JSON numbers: a float cannot hold 0.1 exactly, and ERP, MES and spreadsheet values
 * must survive every hop unchanged. No exponent (`1e3`), no leading `+`, no leading zeros.
 */
export const DecimalString = z
  .string({ error: decimalTypeError })
  .max(MAX_DECIMAL_LENGTH, DECIMAL_TOO_LONG)
  .regex(DECIMAL_PATTERN, 'expected an exact decimal string such as "12.5" (no exponent, no float)')
  .describe('An exact decimal number as a string, e.g. "12.5". No exponent, no leading zeros.');
/** An exact decimal number written as a string; see {@link DecimalString}. */
export type DecimalString = z.infer<typeof DecimalString>;

/** A refinement of {@link UnitCode} that fails with one kind of problem, and its message. */
function withoutUnitCodeProblem(problem: 'ambiguous_unit' | 'deprecated_unit' | 'unknown_unit') {
  return [
    (code: string) => findUnitCodeProblem(code) !== problem,
    {
      error: (issue: { readonly input?: unknown }) => describeUnitCodeProblem(String(issue.input)),
      params: { code: problem },
    },
  ] as const;
}

/**
 * A canonical unit code: an active UN/ECE Recommendation 20 (Rev 17) common code such as `KGM`,
 * `MTR`, `H87` (piece) or `EA` (each), or a Rec 21 package code with its `X` prefix such as
 * `XCT` (carton) or `XPX` (pallet), as GS1 EPCIS and Peppol use them. A code that means
 * different units in different systems (`KG`: Rec 20's deleted keg or SAP's kilogram; `ST`:
 * sheet or piece) is rejected with `ambiguous_unit` and a message naming each meaning; a code
 * Rec 20 deprecated or deleted with one meaning (`PCE`, `CT`) with `deprecated_unit` and a
 * message naming its successor; any other code (an SAP code such as `KAR` included) with
 * `unknown_unit`. (The unit registry reads such codes as input, by its precedence rule.)
 */
export const UnitCode = z
  .string()
  .regex(/^[A-Z0-9]{2,3}$/, {
    message: 'expected a UN/ECE Rec 20 unit code such as "KGM" or "H87"',
    abort: true,
  })
  .refine(...withoutUnitCodeProblem('ambiguous_unit'))
  .refine(...withoutUnitCodeProblem('deprecated_unit'))
  .refine(...withoutUnitCodeProblem('unknown_unit'))
  .describe(
    'A UN/ECE Recommendation 20 (Rev 17) unit code, e.g. KGM (kilogram), MTR (metre), H87 (piece), ' +
      'EA (each), or a Rec 21 package code with the X prefix, e.g. XCT (carton), XPX (pallet).',
  );
/** A canonical unit code; see {@link UnitCode}. */
export type UnitCode = z.infer<typeof UnitCode>;

const QUANTITY_DESCRIPTION =
  'An exact amount in a unit: value is a decimal string, unit a UN/ECE Rec 20 code. ' +
  'Corresponds to B2MML QuantityValueType (QuantityString + UnitOfMeasure) and EPCIS quantity + uom.';

/**
 * An exact amount in a unit of measure: `{ value: '12.5', unit: 'KGM' }`.
 * @example
 * validate(Quantity, { value: '12.5', unit: 'KGM' }).ok; // true
 * validate(Quantity, { value: 12.5, unit: 'KGM' }).ok;   // false: a float is not exact
 */
export const Quantity = z
  .strictObject({ value: DecimalString, unit: UnitCode })
  .describe(QUANTITY_DESCRIPTION);
/** An exact amount in a unit of measure; see {@link Quantity}. */
export type Quantity = z.infer<typeof Quantity>;

/** A quantity whose value is zero or more, e.g. a confirmed yield. */
export const NonNegativeQuantity = z
  .strictObject({
    value: z
      .string({ error: decimalTypeError })
      .max(MAX_DECIMAL_LENGTH, DECIMAL_TOO_LONG)
      .regex(
        /^(0|[1-9][0-9]*)(\.[0-9]+)?$/,
        'expected an exact decimal string of zero or more, such as "12.5"',
      )
      .describe('An exact decimal number of zero or more, as a string.'),
    unit: UnitCode,
  })
  .describe(`${QUANTITY_DESCRIPTION} The value is zero or positive.`);

/** A quantity whose value is greater than zero, e.g. an order quantity or a moved quantity. */
export const PositiveQuantity = z
  .strictObject({
    value: z
      .string({ error: decimalTypeError })
      .max(MAX_DECIMAL_LENGTH, DECIMAL_TOO_LONG)
      .regex(
        // Unambiguous (0\.0*[1-9]), so that matching stays linear on hostile input.
        /^(?:[1-9][0-9]*(?:\.[0-9]+)?|0\.0*[1-9][0-9]*)$/,
        'expected an exact decimal string greater than zero, such as "12.5"',
      )
      .describe('An exact decimal number greater than zero, as a string.'),
    unit: UnitCode,
  })
  .describe(`${QUANTITY_DESCRIPTION} The value is greater than zero.`);

/**
 * An RFC 3339 timestamp with a time-zone offset, e.g. `2026-05-12T08:30:00+02:00` or
 * `2026-05-12T06:30:00Z`. A local time without offset is rejected: every plant publishes an
 * unambiguous instant (EPCIS eventTime + eventTimeZoneOffset in one string).
 */
export const Timestamp = z.iso
  .datetime({
    offset: true,
    error: 'expected an RFC 3339 timestamp with offset, e.g. 2026-05-12T08:30:00+02:00',
  })
  .describe('An RFC 3339 timestamp with a time-zone offset, e.g. 2026-05-12T08:30:00+02:00.');
/** An RFC 3339 timestamp with offset; see {@link Timestamp}. */
export type Timestamp = z.infer<typeof Timestamp>;

/** A calendar date `YYYY-MM-DD`, e.g. a posting date or a validity start. */
export const LocalDate = z.iso
  .date({ error: 'expected a calendar date YYYY-MM-DD' })
  .describe('A calendar date YYYY-MM-DD (no time, no zone), e.g. a posting date.');
/** A calendar date `YYYY-MM-DD`; see {@link LocalDate}. */
export type LocalDate = z.infer<typeof LocalDate>;

/** A date `YYYY-MM-DD` or an RFC 3339 timestamp with offset, for dates that systems keep either way. */
export const DateOrTimestamp = z
  .union([LocalDate, Timestamp])
  .describe('A calendar date YYYY-MM-DD or an RFC 3339 timestamp with offset.');

/**
 * An identifier or code as a system writes it: 1 to 256 characters, no control characters, no
 * leading or trailing white space, and nothing that UTF-8, JSON text or XML 1.0 cannot carry (an
 * unpaired surrogate, U+FFFE, U+FFFF). Leading zeros are significant (`000000000000004711`).
 */
export const Identifier = z
  .string()
  .regex(IDENTIFIER_PATTERN, { error: (issue) => describeIdentifierProblem(issue.input) })
  .describe(
    'An identifier as the source system writes it; leading zeros are significant. 1 to 256 characters, ' +
      'no control characters, unpaired surrogates, U+FFFE or U+FFFF, no white space at either end.',
  );

/**
 * Free text for people: 1 to 4000 characters; tabs and line breaks are fine, other control
 * characters, unpaired surrogates, U+FFFE and U+FFFF are not (XML 1.0 and UTF-8 cannot carry them).
 */
export const Text = z
  .string()
  .min(1)
  .max(4000)
  .regex(TEXT_PATTERN, { error: (issue) => describeTextProblem(issue.input) });

/** A language code (BCP 47, e.g. `en`, `de-AT`), as B2MML `Description@languageID` uses it. */
export const LanguageCode = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a BCP 47 language code such as "de" or "en-US"');

/** An ISO 3166-1 alpha-2 country code, e.g. `DE`. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as "DE"');

/**
 * Whether a GTIN (GTIN-8, -12, -13 or -14) has a correct GS1 check digit: weights 3 and 1
 * alternate from the rightmost data digit, and the check digit brings the sum to a multiple of 10.
 * @returns false for anything that is not 8, 12, 13 or 14 digits.
 * @example
 * isValidGtin('4006381333931'); // true
 * isValidGtin('4006381333932'); // false
 */
export function isValidGtin(gtin: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(gtin)) return false;
  let sum = 0;
  for (let index = gtin.length - 2, weight = 3; index >= 0; index -= 1, weight = 4 - weight) {
    sum += (gtin.charCodeAt(index) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10 === gtin.charCodeAt(gtin.length - 1) - 48;
}

/** A GS1 Global Trade Item Number (8, 12, 13 or 14 digits) with a verified check digit. */
export const Gtin = z
  .string()
  .regex(/^(\d{8}|\d{12,14})$/, 'expected a GTIN of 8, 12, 13 or 14 digits')
  .refine(isValidGtin, { message: 'the GTIN check digit is wrong', params: { code: 'invalid_check_digit' } })
  .describe('A GS1 GTIN-8, -12, -13 or -14; the check digit is verified.');

/** Where a record comes from: the system of record and its own key for the record. */
export const Source = z
  .strictObject({
    system: Identifier.describe('The system of record, e.g. "sap-s4-prd" or "mes-de01".'),
    id: Identifier.optional().describe(
      "The record's key in that system, when it differs from the canonical id.",
    ),
  })
  .describe('The system of record of this object and its key there.');
/** Where a record comes from; see {@link Source}. */
export type Source = z.infer<typeof Source>;

/** An alias of the object's id in another system or scheme (B2MML IdentifierType, EPCIS URIs). */
export const ExternalId = z
  .strictObject({
    system: Identifier.describe('The system or scheme, e.g. "sap-ecc", "gs1-sgtin", "mes-de01".'),
    id: Identifier.describe('The id in that system or scheme.'),
  })
  .describe('The same object under its id in another system (B2MML schemeID / EPCIS URI).');

/**
 * Plant-specific extras that have no canonical field. Keys are namespaced `namespace:name`
 * (`sap:AUFART`, `plant-de01:shift`), so two plants never give one key two meanings.
 */
export const Extensions = z
  .record(
    z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{0,62}:[A-Za-z0-9_.-]{1,128}$/,
        'expected a namespaced extension key such as "sap:AUFART" or "plant-de01:shift"',
      ),
    z.unknown().check(plainDataCheck),
  )
  .describe(
    'Plant-specific extras, keyed "namespace:name", e.g. "sap:AUFART". Values are any JSON, ' +
      'without a "__proto__" key at any depth.',
  );

/**
 * A named property (B2MML `*Property` with `ValueType`): characteristics, classification values,
 * process parameters that the canonical fields do not cover.
 */
export const Property = z
  .strictObject({
    id: Identifier.describe('The property name or characteristic id, e.g. "COLOR" or "MOISTURE".'),
    value: z
      .string()
      .max(4000)
      .regex(TEXT_PATTERN, { error: (issue) => describeTextProblem(issue.input) })
      .describe('The value as text; numbers as exact decimal strings.'),
    dataType: z
      .enum(['string', 'decimal', 'integer', 'boolean', 'date', 'date-time'])
      .optional()
      .describe('How to read value (B2MML DataType); default string.'),
    unit: UnitCode.optional().describe('The unit of a numeric value.'),
    description: Text.optional(),
  })
  .describe('A named value (B2MML Property: ID, Value, DataType, UnitOfMeasure).');

/** A description in one language (B2MML `Description@languageID`). */
export const LocalizedText = z.strictObject({ language: LanguageCode, text: Text });

/**
 * The fields every canonical object may carry: where it comes from, its aliases, and
 * namespaced plant-specific extras.
 */
export const commonFields = {
  source: Source.optional(),
  externalIds: listOf(ExternalId).optional().describe('The same object under other ids.'),
  extensions: Extensions.optional(),
};

/** The TypeScript type of {@link NonNegativeQuantity}. */
export type NonNegativeQuantity = z.infer<typeof NonNegativeQuantity>;
/** The TypeScript type of {@link PositiveQuantity}. */
export type PositiveQuantity = z.infer<typeof PositiveQuantity>;
/** The TypeScript type of {@link DateOrTimestamp}. */
export type DateOrTimestamp = z.infer<typeof DateOrTimestamp>;
/** The TypeScript type of {@link Identifier}. */
export type Identifier = z.infer<typeof Identifier>;
/** The TypeScript type of {@link Text}. */
export type Text = z.infer<typeof Text>;
/** The TypeScript type of {@link LanguageCode}. */
export type LanguageCode = z.infer<typeof LanguageCode>;
/** The TypeScript type of {@link CountryCode}. */
export type CountryCode = z.infer<typeof CountryCode>;
/** The TypeScript type of {@link Gtin}. */
export type Gtin = z.infer<typeof Gtin>;
/** The TypeScript type of {@link ExternalId}. */
export type ExternalId = z.infer<typeof ExternalId>;
/** The TypeScript type of {@link Extensions}. */
export type Extensions = z.infer<typeof Extensions>;
/** The TypeScript type of {@link Property}. */
export type Property = z.infer<typeof Property>;
/** The TypeScript type of {@link LocalizedText}. */
export type LocalizedText = z.infer<typeof LocalizedText>;
