import { MappingError } from '../../../src/errors/mapping-error.js';
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
import {
  type IdocMappingOptions,
  type ResolvedIdocMappingOptions,
  resolveIdocMappingOptions,
} from './idoc-mapping-options.js';
import { invalidOption, readOption } from './read-option.js';
import { toSapDateTime } from './sap-timestamp.js';
import { snapshotInput } from './snapshot-input.js';

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
const BASIC_TYPES = {
  LOIPRO: 'LOIPRO01',
  MBGMCR: 'MBGMCR03',
  WMMBXY: 'WMMBID02',
  PPCC2PRETTICKET: 'PPCC2PRETTICKET01',
} as const;
type MessageType = keyof typeof BASIC_TYPES;

/** Options of {@link canonicalToIdoc}. */
export interface CanonicalToIdocOptions extends IdocMappingOptions {
  /**
   * The message type: LOIPRO (a WorkOrder), MBGMCR or WMMBXY (InventoryMovements),
   * PPCC2PRETTICKET (ProductionConfirmations as PP-PDC time tickets).
   */
  readonly messageType: MessageType;
  /** The basic type. @default LOIPRO01, MBGMCR03, WMMBID02, PPCC2PRETTICKET01 */
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

/** {@link CanonicalToIdocOptions} read once and checked, with defaults filled in. */
interface ResolvedCanonicalToIdocOptions {
  readonly mapping: ResolvedIdocMappingOptions;
  readonly messageType: MessageType;
  readonly basicType: string;
  readonly sender: Required<IdocPartner> | undefined;
  readonly receiver: Required<IdocPartner> | undefined;
  readonly docnum: string;
  readonly createdAt: string;
}

/**
 * Builds an IDoc from canonical objects: a WorkOrder as LOIPRO01, InventoryMovements as one
 * MBGMCR03 (or WMMBID02) goods movement with one item each, ProductionConfirmations as
 * PPCC2PRETTICKET01 time tickets. Timestamps are written as local SAP dates and times in
 * `options.timeZone`, which is required; units as ISO codes and, where a segment has an SAP unit
 * field, as SAP units through the registry's `toSap`. The input and the options are read once
 * (a plain copy is validated and written). Write the result with `writeIdoc`; flat files need
 * every field in the schema, so pass your WE60 export where the built-in definition stops early
 * (LOIPRO01, WMMBID02, MBGMCR03; see data/idoc/SOURCE.md).
 *
 * @returns the IDoc (direction 2, inbound to SAP; DOCNUM blank unless given).
 * @throws {ValidationError} when an input object is not valid or cannot be read.
 * @throws {MappingError} `INVALID_SOURCE_DATA` when a value has no place in the IDoc.
 * @throws {MillwrightError} `INVALID_OPTIONS` for a missing `timeZone` or `messageType`, an
 *   unknown time zone, a `createdAt` that is not an RFC 3339 timestamp with offset, an option of
 *   the wrong type or one that cannot be read.
 * @example
 * const idoc = canonicalToIdoc(confirmations, {
 *   messageType: 'PPCC2PRETTICKET', sender: { partner: 'MESCLNT100' }, receiver: { partner: 'S4PCLNT100' },
 *   timeZone: 'Europe/Berlin',
 * });
 * await sftp.put(Buffer.from(writeIdoc(idoc, { format: 'xml' })), '/in/timetickets.xml');
 */
export function canonicalToIdoc(input: CanonicalIdocInput, options: CanonicalToIdocOptions): Idoc {
  const resolved = resolveCanonicalToIdocOptions(options);
  const copy = snapshotInput(input, 'canonicalToIdoc input');
  // Paths in errors are relative to what the caller passed: `/0/id` in a list, `/id` for one object.
  const single = !Array.isArray(copy);
  const list: readonly unknown[] = single ? [copy] : copy;
  const pointerOf = (index: number): string => (single ? '' : `/${index}`);
  const { mapping } = resolved;
  let segments: Segment[];
  switch (resolved.messageType) {
    case 'LOIPRO': {
      if (list.length !== 1)
        throw new MappingError('INVALID_SOURCE_DATA', 'a LOIPRO IDoc carries exactly one work order');
      segments = buildLoiproSegments(
        checked(WorkOrder, 'WorkOrder', list, pointerOf)[0] as WorkOrder,
        mapping,
      );
      break;
    }
    case 'MBGMCR':
    case 'WMMBXY':
      segments = buildGoodsMovementSegments(
        checked(InventoryMovement, 'InventoryMovement', list, pointerOf),
        resolved.messageType,
        mapping,
        pointerOf,
      );
      break;
    case 'PPCC2PRETTICKET':
      segments = buildConfirmationSegments(
        checked(ProductionConfirmation, 'ProductionConfirmation', list, pointerOf),
        mapping,
        pointerOf,
      );
      break;
  }
  const created = toSapDateTime(resolved.createdAt, mapping.timeZone);
  return { control: control(resolved, created), segments };
}

/**
 * Reads every option once and checks it, before any segment is built: a bad option fails as an
 * option, not as a RangeError from the date arithmetic or a TypeError from a getter.
 */
function resolveCanonicalToIdocOptions(options: unknown): ResolvedCanonicalToIdocOptions {
  const mapping = resolveIdocMappingOptions(options);
  const owner = options as object;
  const messageType = readOption(owner, 'messageType');
  if (typeof messageType !== 'string' || !Object.hasOwn(BASIC_TYPES, messageType)) {
    throw invalidOption('messageType', messageType, Object.keys(BASIC_TYPES).join(', '));
  }
  const type = messageType as MessageType;
  return {
    mapping,
    messageType: type,
    basicType: text(owner, 'basicType') ?? BASIC_TYPES[type],
    sender: partner(owner, 'sender'),
    receiver: partner(owner, 'receiver'),
    docnum: text(owner, 'docnum') ?? '',
    createdAt: checkCreatedAt(readOption(owner, 'createdAt')),
  };
}

function text(owner: object, name: string, path = name): string | undefined {
  const value = readOption(owner, name, path);
  if (value !== undefined && typeof value !== 'string') throw invalidOption(path, value, 'a string');
  return value;
}

function partner(owner: object, name: string): Required<IdocPartner> | undefined {
  const value = readOption(owner, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null)
    throw invalidOption(name, value, 'an object { partner, port?, partnerType? }');
  const number = text(value, 'partner', `${name}.partner`);
  if (number === undefined) throw invalidOption(`${name}.partner`, number, 'a partner number');
  return {
    partner: number,
    port: text(value, 'port', `${name}.port`) ?? '',
    partnerType: text(value, 'partnerType', `${name}.partnerType`) ?? 'LS',
    partnerFunction: text(value, 'partnerFunction', `${name}.partnerFunction`) ?? '',
  };
}

/** `options.createdAt`, or now when it is not given. */
function checkCreatedAt(createdAt: unknown): string {
  if (createdAt === undefined) return new Date().toISOString();
  if (typeof createdAt !== 'string' || !Timestamp.safeParse(createdAt).success) {
    throw invalidOption(
      'createdAt',
      createdAt,
      'an RFC 3339 timestamp with offset, e.g. 2026-05-12T08:30:00+02:00',
    );
  }
  return createdAt;
}

/**
 * Validates each object to write.
 * @param pointerOf - the JSON Pointer of the object at an index of the caller's input.
 * @throws {ValidationError} with the issues of the first invalid object.
 */
function checked<T>(
  schema: Parameters<typeof validate>[0],
  name: string,
  list: readonly unknown[],
  pointerOf: (index: number) => string,
): T[] {
  if (list.length === 0) throw new MappingError('INVALID_SOURCE_DATA', `no ${name} to write`);
  return list.map((item, index) => {
    const result = validate(schema, item);
    if (!result.ok) {
      throw new ValidationError(
        result.issues.map((issue) => ({ ...issue, path: `${pointerOf(index)}${issue.path}` })),
        { schema: name },
      );
    }
    return result.value as T;
  });
}

function control(
  options: ResolvedCanonicalToIdocOptions,
  created: { date: string; time: string },
): IdocControl {
  const { sender, receiver } = options;
  return {
    tabnam: 'EDI_DC40',
    mandt: '',
    docnum: options.docnum,
    docrel: '',
    status: '',
    direct: '2',
    outmod: '',
    exprss: '',
    test: '',
    idoctyp: options.basicType,
    cimtyp: '',
    mestyp: options.messageType,
    mescod: '',
    mesfct: '',
    std: '',
    stdvrs: '',
    stdmes: '',
    sndpor: sender?.port ?? '',
    sndprt: sender?.partnerType ?? '',
    sndpfc: sender?.partnerFunction ?? '',
    sndprn: sender?.partner ?? '',
    sndsad: '',
    sndlad: '',
    rcvpor: receiver?.port ?? '',
    rcvprt: receiver?.partnerType ?? '',
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
