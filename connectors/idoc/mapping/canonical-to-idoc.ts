import { MappingError } from '../../../src/errors/mapping-error.js';
import { MillwrightError } from '../../../src/errors/millwright-error.js';
import { ValidationError } from '../../../src/errors/validation-error.js';
import { Timestamp } from '../../../src/model/common.js';
import { InventoryMovement } from '../../../src/model/inventory-movement.js';
import { ProductionConfirmation } from '../../../src/model/production-confirmation.js';
import { WorkOrder } from '../../../src/model/work-order.js';
import { validate } from '../../../src/validate/validate.js';
import type { Idoc, IdocControl, Segment } from '../idoc.js';
import { buildConfirmationSegments } from './build-confirmation.js';
import { buildGoodsMovementSegments } from './build-goods-movement.js';
import { buildLoiproSegments } from './build-loipro.js';
import { type IdocMappingOptions, resolveIdocMappingOptions } from './idoc-mapping-options.js';
import { toSapDateTime } from './sap-timestamp.js';

/** A partner of an IDoc: its port, partner type (LS, KU, LI) and number. */
export interface IdocPartner {
  /** The partner number (SNDPRN/RCVPRN), e.g. a logical system `MESCLNT100`. */
  readonly partner: string;
  /** The port (SNDPOR/RCVPOR). @default '' */
  readonly port?: string;
  /** The partner type. @default 'LS' (logical system) */
  readonly partnerType?: string;
  /** The partner function (SNDPFC/RCVPFC). @default '' */
  readonly partnerFunction?: string;
}

/** The message types `canonicalToIdoc` writes, with their default basic types. */
const BASIC_TYPES = { LOIPRO: 'LOIPRO01', MBGMCR: 'MBGMCR03', WMMBXY: 'WMMBID02', CONF21: 'CONF21' } as const;

/** Options of {@link canonicalToIdoc}. */
export interface CanonicalToIdocOptions extends IdocMappingOptions {
  /** The message type: LOIPRO (a WorkOrder), MBGMCR or WMMBXY (InventoryMovements), CONF21 (ProductionConfirmations). */
  readonly messageType: keyof typeof BASIC_TYPES;
  /** The basic type. @default LOIPRO01, MBGMCR03, WMMBID02, CONF21 */
  readonly basicType?: string;
  /** The sender (SNDPOR/SNDPRT/SNDPRN). */
  readonly sender?: IdocPartner;
  /** The receiver (RCVPOR/RCVPRT/RCVPRN). */
  readonly receiver?: IdocPartner;
  /** DOCNUM; SAP numbers inbound IDocs itself. @default '' */
  readonly docnum?: string;
  /** The creation time CREDAT/CRETIM, an RFC 3339 timestamp with offset. @default now */
  readonly createdAt?: string;
}

/** What canonicalToIdoc accepts: one work order, or one or more movements or confirmations. */
export type CanonicalIdocInput =
  | WorkOrder
  | InventoryMovement
  | readonly InventoryMovement[]
  | ProductionConfirmation
  | readonly ProductionConfirmation[];

/**
 * Builds an IDoc from canonical objects: a WorkOrder as LOIPRO01, InventoryMovements as one
 * MBGMCR03 (or WMMBID02) goods movement with one item each, ProductionConfirmations as CONF21 time
 * tickets. Units go out as ISO codes (and SAP units through the registry's `toSap` where the
 * segment has both), timestamps as local SAP dates and times in `options.timeZone`. Write the
 * result with `writeIdoc`; flat files need every field in the schema, so pass your WE60 export
 * where the built-in definition stops early (LOIPRO01, WMMBID02; see data/idoc/SOURCE.md).
 *
 * @returns the IDoc (direction 2, inbound to SAP; DOCNUM blank unless given).
 * @throws {ValidationError} when an input object is not valid.
 * @throws {MappingError} `INVALID_SOURCE_DATA` when a value has no place in the IDoc.
 * @throws {MillwrightError} `INVALID_OPTIONS` for an unknown time zone or a `createdAt` that is
 *   not an RFC 3339 timestamp with offset.
 * @example
 * const idoc = canonicalToIdoc(confirmations, {
 *   messageType: 'CONF21', sender: { partner: 'MESCLNT100' }, receiver: { partner: 'S4PCLNT100' },
 *   timeZone: 'Europe/Berlin',
 * });
 * await sftp.put(Buffer.from(writeIdoc(idoc)), '/in/conf21.idoc');
 */
export function canonicalToIdoc(input: CanonicalIdocInput, options: CanonicalToIdocOptions): Idoc {
  const resolved = resolveIdocMappingOptions(options);
  const createdAt = checkCreatedAt(options.createdAt);
  const list: readonly unknown[] = Array.isArray(input) ? input : [input];
  let segments: Segment[];
  switch (options.messageType) {
    case 'LOIPRO': {
      if (list.length !== 1)
        throw new MappingError('INVALID_SOURCE_DATA', 'a LOIPRO IDoc carries exactly one work order');
      segments = buildLoiproSegments(checked(WorkOrder, 'WorkOrder', list)[0] as WorkOrder, resolved);
      break;
    }
    case 'MBGMCR':
    case 'WMMBXY':
      segments = buildGoodsMovementSegments(
        checked(InventoryMovement, 'InventoryMovement', list),
        options.messageType,
        resolved,
      );
      break;
    case 'CONF21':
      segments = buildConfirmationSegments(
        checked(ProductionConfirmation, 'ProductionConfirmation', list),
        resolved,
      );
      break;
    default:
      throw new MappingError(
        'UNMAPPED_CODE',
        `canonicalToIdoc does not write message type ${String(options.messageType)}`,
        {
          domain: 'idoc-message-type',
          value: String(options.messageType),
        },
      );
  }
  const created = toSapDateTime(createdAt, resolved.timeZone);
  return { control: control(options, created), segments };
}

/**
 * `options.createdAt`, or now when it is not given. Checked before any segment is built, so a
 * bad option fails as an option and not as a RangeError from the date arithmetic.
 */
function checkCreatedAt(createdAt: unknown): string {
  if (createdAt === undefined) return new Date().toISOString();
  if (typeof createdAt !== 'string' || !Timestamp.safeParse(createdAt).success) {
    throw new MillwrightError(
      'INVALID_OPTIONS',
      `createdAt ${JSON.stringify(createdAt)} is not an RFC 3339 timestamp with offset, e.g. 2026-05-12T08:30:00+02:00`,
    );
  }
  return createdAt;
}

function checked<T>(schema: Parameters<typeof validate>[0], name: string, list: readonly unknown[]): T[] {
  if (list.length === 0) throw new MappingError('INVALID_SOURCE_DATA', `no ${name} to write`);
  return list.map((item, index) => {
    const result = validate(schema, item);
    if (!result.ok) {
      throw new ValidationError(
        result.issues.map((issue) => ({ ...issue, path: `/${index}${issue.path}` })),
        { schema: name },
      );
    }
    return result.value as T;
  });
}

function control(options: CanonicalToIdocOptions, created: { date: string; time: string }): IdocControl {
  const sender = options.sender;
  const receiver = options.receiver;
  return {
    tabnam: 'EDI_DC40',
    mandt: '',
    docnum: options.docnum ?? '',
    docrel: '',
    status: '',
    direct: '2',
    outmod: '',
    exprss: '',
    test: '',
    idoctyp: options.basicType ?? BASIC_TYPES[options.messageType],
    cimtyp: '',
    mestyp: options.messageType,
    mescod: '',
    mesfct: '',
    std: '',
    stdvrs: '',
    stdmes: '',
    sndpor: sender?.port ?? '',
    sndprt: sender === undefined ? '' : (sender.partnerType ?? 'LS'),
    sndpfc: sender?.partnerFunction ?? '',
    sndprn: sender?.partner ?? '',
    sndsad: '',
    sndlad: '',
    rcvpor: receiver?.port ?? '',
    rcvprt: receiver === undefined ? '' : (receiver.partnerType ?? 'LS'),
    rcvpfc: receiver?.partnerFunction ?? '',
    rcvprn: receiver?.partner ?? '',
    rcvsad: '',
    rcvlad: '',
    credat: created.date,
    cretim: created.time,
    refint: '',
    refgrp: '',
    refmes: '',
    arckey: '',
    serial: '',
  };
}
