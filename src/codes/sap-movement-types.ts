import { MappingError } from '../errors/mapping-error.js';
import { describeInput } from '../internal/describe-input.js';
import { shortenText } from '../internal/shorten-text.js';
import type { MovementDirection, MovementKind, StockType } from '../model/inventory-movement.js';

/** Stock going in or out, for one side of a movement. */
type InOrOut = Exclude<MovementDirection, 'internal'>;

/**
 * What an SAP movement type (MSEG-BWART) means for a canonical {@link InventoryMovement}.
 * The kinds, directions and stock types follow the texts of `MovementKind`, `MovementDirection`
 * and `StockType`, which are the contract.
 */
export interface SapMovementType {
  /** The movement type, e.g. `261`. */
  readonly code: string;
  readonly kind: MovementKind;
  /**
   * Which way the plant's stock of the material changes, when the type alone says it.
   *
   * Undefined for the types that move stock between two plants (301/302) or two materials
   * (309/310) in one step: SAP posts one item per side, and the two sides move opposite ways,
   * while a canonical movement has one plant and one material. Derive the direction per item:
   * - from an item that carries SAP's debit/credit indicator (MSEG-SHKZG, `DebitCreditCode` in
   *   the material document APIs): `S` (debit) = `in`, `H` (credit) = `out`;
   * - from an item that names both sides (BAPI/IDoc goods movement items: PLANT and MOVE_PLANT,
   *   MATERIAL and MOVE_MAT; MSEG-WERKS/UMWRK, MATNR/UMMAT): {@link SapMovementType.sides}.
   */
  readonly direction: MovementDirection | undefined;
  /**
   * For the two-sided types (301/302, 309/310), which way each side of an item moves: `own` is
   * the item's own plant and material (PLANT/MATERIAL, MSEG-WERKS/MATNR), `counterpart` the
   * other one (MOVE_PLANT/MOVE_MAT, MSEG-UMWRK/UMMAT). 301 and 309 take stock out of the own
   * side and into the counterpart; their reversals 302 and 310 the other way. Undefined for
   * every other type, whose `direction` is set (and optional in a table of your own).
   */
  readonly sides?: { readonly own: InOrOut; readonly counterpart: InOrOut } | undefined;
  /**
   * The stock type the quantity moves in or out of; for a transfer between stock types, the
   * source type. It is SAP's default for the type: a posting's own stock type indicator
   * (MSEG-INSMK) or special stock indicator (SOBKZ) takes precedence.
   */
  readonly stockType: StockType;
  /**
   * True for the type that cancels another (102 cancels 101): the canonical movement then sets
   * `reverses` to the id of the movement it cancels (SAP's MSEG-SMBLN/SMBLP).
   */
  readonly reversal: boolean;
  /** For a reversal, the type it cancels. */
  readonly reversalOf: string | undefined;
  /** SAP's description of the type (standard delivery, English). */
  readonly description: string;
}

/** A direction, or for a two-sided type the own side's and the counterpart's: `out/in` for 301. */
type RowDirection = MovementDirection | 'out/in' | 'in/out';

const SIDES = {
  'out/in': Object.freeze({ own: 'out', counterpart: 'in' }),
  'in/out': Object.freeze({ own: 'in', counterpart: 'out' }),
} as const;

type Row = readonly [
  code: string,
  kind: MovementKind,
  direction: RowDirection,
  stockType: StockType,
  reversalOf: string | undefined,
  description: string,
];

/**
 * The standard movement types of SAP Inventory Management (SAP ECC and S/4HANA, transaction
 * OMJJ), as SAP's documentation describes them. Reversals keep the kind of the movement they
 * cancel and move the other way, except 262: returning components to stock from an order is a
 * return, as `MovementKind` says. Physical inventory differences (701/702...) are gains and
 * losses, not reversals of each other.
 */
const ROWS: readonly Row[] = [
  ['101', 'goods-receipt', 'in', 'unrestricted', undefined, 'GR for purchase order or production order'],
  [
    '102',
    'goods-receipt',
    'out',
    'unrestricted',
    '101',
    'Reversal of GR for purchase order or production order',
  ],
  ['103', 'goods-receipt', 'in', 'blocked', undefined, 'GR for purchase order into GR blocked stock'],
  ['104', 'goods-receipt', 'out', 'blocked', '103', 'Reversal of GR into GR blocked stock'],
  ['105', 'goods-receipt', 'in', 'unrestricted', undefined, 'Release from GR blocked stock'],
  ['106', 'goods-receipt', 'out', 'unrestricted', '105', 'Reversal of release from GR blocked stock'],
  ['122', 'return', 'out', 'unrestricted', undefined, 'Return delivery to vendor'],
  ['123', 'return', 'in', 'unrestricted', '122', 'Reversal of return delivery to vendor'],
  ['161', 'return', 'out', 'unrestricted', undefined, 'Returns for purchase order (returns item)'],
  ['162', 'return', 'in', 'unrestricted', '161', 'Reversal of returns for purchase order'],
  ['201', 'goods-issue', 'out', 'unrestricted', undefined, 'GI for cost center'],
  ['202', 'goods-issue', 'in', 'unrestricted', '201', 'Reversal of GI for cost center'],
  ['221', 'goods-issue', 'out', 'unrestricted', undefined, 'GI for project'],
  ['222', 'goods-issue', 'in', 'unrestricted', '221', 'Reversal of GI for project'],
  ['231', 'goods-issue', 'out', 'unrestricted', undefined, 'GI for sales order'],
  ['232', 'goods-issue', 'in', 'unrestricted', '231', 'Reversal of GI for sales order'],
  ['241', 'goods-issue', 'out', 'unrestricted', undefined, 'GI for asset'],
  ['242', 'goods-issue', 'in', 'unrestricted', '241', 'Reversal of GI for asset'],
  ['251', 'goods-issue', 'out', 'unrestricted', undefined, 'GI for sales (without SD)'],
  ['252', 'goods-issue', 'in', 'unrestricted', '251', 'Reversal of GI for sales'],
  ['261', 'goods-issue', 'out', 'unrestricted', undefined, 'GI for order'],
  [
    '262',
    'return',
    'in',
    'unrestricted',
    '261',
    'Reversal of GI for order (components returned from the order)',
  ],
  ['301', 'transfer', 'out/in', 'unrestricted', undefined, 'Transfer posting plant to plant in one step'],
  ['302', 'transfer', 'in/out', 'unrestricted', '301', 'Reversal of transfer posting plant to plant'],
  [
    '303',
    'transfer',
    'out',
    'unrestricted',
    undefined,
    'Transfer posting plant to plant, removal (two steps)',
  ],
  ['304', 'transfer', 'in', 'unrestricted', '303', 'Reversal of removal plant to plant'],
  [
    '305',
    'transfer',
    'in',
    'in-transit',
    undefined,
    'Transfer posting plant to plant, placement (two steps)',
  ],
  ['306', 'transfer', 'out', 'in-transit', '305', 'Reversal of placement plant to plant'],
  ['309', 'transfer', 'out/in', 'unrestricted', undefined, 'Transfer posting material to material'],
  ['310', 'transfer', 'in/out', 'unrestricted', '309', 'Reversal of transfer posting material to material'],
  [
    '311',
    'transfer',
    'internal',
    'unrestricted',
    undefined,
    'Transfer posting storage location to storage location in one step',
  ],
  [
    '312',
    'transfer',
    'internal',
    'unrestricted',
    '311',
    'Reversal of transfer posting storage location to storage location',
  ],
  [
    '313',
    'transfer',
    'out',
    'unrestricted',
    undefined,
    'Stock transfer storage location to storage location, removal (two steps)',
  ],
  [
    '314',
    'transfer',
    'in',
    'unrestricted',
    '313',
    'Reversal of removal storage location to storage location',
  ],
  [
    '315',
    'transfer',
    'in',
    'in-transit',
    undefined,
    'Stock transfer storage location to storage location, placement (two steps)',
  ],
  [
    '316',
    'transfer',
    'out',
    'in-transit',
    '315',
    'Reversal of placement storage location to storage location',
  ],
  [
    '321',
    'transfer',
    'internal',
    'quality-inspection',
    undefined,
    'Transfer posting quality inspection to unrestricted',
  ],
  ['322', 'transfer', 'internal', 'unrestricted', '321', 'Reversal: unrestricted to quality inspection'],
  ['343', 'transfer', 'internal', 'blocked', undefined, 'Transfer posting blocked to unrestricted'],
  ['344', 'transfer', 'internal', 'unrestricted', '343', 'Reversal: unrestricted to blocked'],
  ['349', 'transfer', 'internal', 'blocked', undefined, 'Transfer posting blocked to quality inspection'],
  ['350', 'transfer', 'internal', 'quality-inspection', '349', 'Reversal: quality inspection to blocked'],
  ['501', 'goods-receipt', 'in', 'unrestricted', undefined, 'Receipt without purchase order'],
  ['502', 'goods-receipt', 'out', 'unrestricted', '501', 'Reversal of receipt without purchase order'],
  ['511', 'goods-receipt', 'in', 'unrestricted', undefined, 'Delivery free of charge'],
  ['512', 'goods-receipt', 'out', 'unrestricted', '511', 'Reversal of delivery free of charge'],
  ['521', 'goods-receipt', 'in', 'unrestricted', undefined, 'Receipt without production order'],
  ['522', 'goods-receipt', 'out', 'unrestricted', '521', 'Reversal of receipt without production order'],
  ['531', 'goods-receipt', 'in', 'unrestricted', undefined, 'Receipt of by-product from order'],
  ['532', 'goods-receipt', 'out', 'unrestricted', '531', 'Reversal of receipt of by-product'],
  ['551', 'scrap', 'out', 'unrestricted', undefined, 'Withdrawal for scrapping from unrestricted stock'],
  ['552', 'scrap', 'in', 'unrestricted', '551', 'Reversal of scrapping from unrestricted stock'],
  [
    '553',
    'scrap',
    'out',
    'quality-inspection',
    undefined,
    'Withdrawal for scrapping from quality inspection stock',
  ],
  ['554', 'scrap', 'in', 'quality-inspection', '553', 'Reversal of scrapping from quality inspection stock'],
  ['555', 'scrap', 'out', 'blocked', undefined, 'Withdrawal for scrapping from blocked stock'],
  ['556', 'scrap', 'in', 'blocked', '555', 'Reversal of scrapping from blocked stock'],
  ['561', 'adjustment', 'in', 'unrestricted', undefined, 'Initial entry of stock balances'],
  ['562', 'adjustment', 'out', 'unrestricted', '561', 'Reversal of initial entry of stock balances'],
  ['601', 'goods-issue', 'out', 'unrestricted', undefined, 'GI for delivery (shipping)'],
  ['602', 'goods-issue', 'in', 'unrestricted', '601', 'Reversal of GI for delivery'],
  ['641', 'transfer', 'out', 'unrestricted', undefined, 'GI for stock transport order to stock in transit'],
  ['642', 'transfer', 'in', 'unrestricted', '641', 'Reversal of GI for stock transport order'],
  [
    '651',
    'return',
    'in',
    'returns',
    undefined,
    'Returns from customer (delivery) into blocked returns stock',
  ],
  ['652', 'return', 'out', 'returns', '651', 'Reversal of returns from customer'],
  [
    '701',
    'adjustment',
    'in',
    'unrestricted',
    undefined,
    'Physical inventory difference in unrestricted stock (gain)',
  ],
  [
    '702',
    'adjustment',
    'out',
    'unrestricted',
    undefined,
    'Physical inventory difference in unrestricted stock (loss)',
  ],
  [
    '703',
    'adjustment',
    'in',
    'quality-inspection',
    undefined,
    'Physical inventory difference in quality inspection stock (gain)',
  ],
  [
    '704',
    'adjustment',
    'out',
    'quality-inspection',
    undefined,
    'Physical inventory difference in quality inspection stock (loss)',
  ],
  ['707', 'adjustment', 'in', 'blocked', undefined, 'Physical inventory difference in blocked stock (gain)'],
  ['708', 'adjustment', 'out', 'blocked', undefined, 'Physical inventory difference in blocked stock (loss)'],
];

/**
 * The standard SAP movement types with their canonical meaning: kind, direction (per side for
 * 301/302 and 309/310), stock type and whether they reverse another type (see
 * {@link SapMovementType}). Covers receipts
 * (101-106, 501-532), returns (122, 161, 262, 651), issues (201-261, 601), transfers
 * (301-350, 641), scrapping (551-556), initial entries and physical inventory (561, 701-708).
 * @example sapMovementTypes['261'] // { code: '261', kind: 'goods-issue', direction: 'out', ... }
 */
export const sapMovementTypes: Readonly<Record<string, SapMovementType>> = Object.freeze(
  Object.fromEntries(
    ROWS.map(([code, kind, direction, stockType, reversalOf, description]) => {
      const sides = direction === 'out/in' || direction === 'in/out' ? SIDES[direction] : undefined;
      const type: SapMovementType = {
        code,
        kind,
        direction: sides === undefined ? (direction as MovementDirection) : undefined,
        sides,
        stockType,
        reversal: reversalOf !== undefined,
        reversalOf,
        description,
      };
      return [code, Object.freeze(type)];
    }),
  ),
);

const MOVEMENT_TYPE = { domain: 'movement-type', system: 'sap' } as const;

/**
 * A movement type as the table writes it. SAP's BWART is three characters (CHAR 3, not a
 * zero-padded number), and every standard type is three digits from 101 to 708, so a whole
 * number from 100 to 999 names the code of its digits (101 → `'101'`), while 1 is no type at all
 * (not `'001'`). Blanks around a string are SAP's field padding.
 */
function movementCodeOf(code: unknown): string {
  if (typeof code === 'string') return code.trim();
  if (typeof code === 'number') {
    if (Number.isInteger(code) && code >= 100 && code <= 999) return String(code);
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `SAP movement type ${describeInput(code)} is no three-digit code: movement types are three characters (BWART), such as "101" or 101`,
      { ...MOVEMENT_TYPE, value: String(code) },
    );
  }
  throw new MappingError(
    'INVALID_SOURCE_DATA',
    `an SAP movement type must be a string or a number, not ${describeInput(code)}`,
    MOVEMENT_TYPE,
  );
}

/**
 * The canonical meaning of an SAP movement type. Its `direction` holds for every item of the
 * type, except for 301/302 (plant to plant) and 309/310 (material to material): there it is
 * undefined, and each item's direction comes from its debit/credit indicator (MSEG-SHKZG `S` =
 * in, `H` = out) or, for an item that names both plants or materials, from `sides`.
 *
 * @param code - the type as text (`'101'`; blanks around it, as SAP pads fields, are ignored) or
 *   as a number, as JSON payloads carry it (`101`). A number must be a whole three-digit number:
 *   BWART is three characters, not a zero-padded number, so `1` is refused rather than read as
 *   `'001'`.
 * @returns the entry of {@link sapMovementTypes}.
 * @throws MappingError `UNMAPPED_CODE` for a type the table does not have (customer types Z01...
 * need a map of their own); `INVALID_SOURCE_DATA` for a number that is no three-digit code, or a
 * value that is neither a string nor a number.
 * @example
 * movementFromSap('102') // { kind: 'goods-receipt', direction: 'out', reversal: true, reversalOf: '101', ... }
 * movementFromSap(101) // { code: '101', kind: 'goods-receipt', direction: 'in', ... }
 * movementFromSap('301') // { kind: 'transfer', direction: undefined, sides: { own: 'out', counterpart: 'in' }, ... }
 */
export function movementFromSap(code: string | number): SapMovementType {
  const text = movementCodeOf(code);
  const found = Object.hasOwn(sapMovementTypes, text) ? sapMovementTypes[text] : undefined;
  if (found === undefined) {
    throw new MappingError(
      'UNMAPPED_CODE',
      `SAP movement type ${describeInput(text)} is not in the standard table`,
      { ...MOVEMENT_TYPE, value: shortenText(text) },
    );
  }
  return found;
}
