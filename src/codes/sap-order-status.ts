import { MappingError } from '../errors/mapping-error.js';
import { describeInput } from '../internal/describe-input.js';
import { shortenText } from '../internal/shorten-text.js';
import { WorkOrderStatus } from '../model/work-order.js';
import { CodeMap } from './code-map.js';
import type { CodeMapRow } from './code-map-csv.js';
import { readCallerValue } from './read-caller-value.js';

/**
 * The system statuses of SAP production and process orders that decide their life cycle, with
 * the canonical {@link WorkOrderStatus} each stands for (the status texts of `WorkOrderStatus`
 * are the contract). Both the status abbreviation (SAP table TJ02T, English: `REL`) and the
 * language-independent status number (JEST-STAT: `I0002`) are mapped. Sources: SAP's status
 * management for orders (object type ORH); the numbers are the standard delivery's (check
 * TJ02 on your system).
 *
 * | SAP | number | meaning | canonical |
 * |---|---|---|---|
 * | CRTD | I0001 | created | created |
 * | REL | I0002 | released | released |
 * | PREL | I0042 | partially released (some operations) | released |
 * | PCNF | I0010 | partially confirmed | in-progress |
 * | PDLV | I0074 | partially delivered | in-progress |
 * | CNF | I0009 | finally confirmed | completed |
 * | DLV | I0012 | fully delivered | completed |
 * | TECO | I0045 | technically completed | completed |
 * | CLSD | I0046 | closed | closed |
 * | DLFL | I0076 | deletion flag | cancelled |
 * | DLT | I0013 | deletion indicator | cancelled |
 * | LKD | I0043 | locked: no business transaction allowed | on-hold |
 *
 * Other system statuses (PRC pre-costed, MACM material committed, SETC settlement rule, GMPS
 * goods movement posted, CSER costing error...) say nothing about the life cycle and are not
 * mapped; see {@link workOrderStatusFromSap} for the set an order carries at once.
 */
const ROWS: readonly (readonly [code: string, number: string, canonical: WorkOrderStatus])[] = [
  ['CRTD', 'I0001', 'created'],
  ['REL', 'I0002', 'released'],
  ['PREL', 'I0042', 'released'],
  ['PCNF', 'I0010', 'in-progress'],
  ['PDLV', 'I0074', 'in-progress'],
  ['CNF', 'I0009', 'completed'],
  ['DLV', 'I0012', 'completed'],
  ['TECO', 'I0045', 'completed'],
  ['CLSD', 'I0046', 'closed'],
  ['DLFL', 'I0076', 'cancelled'],
  ['DLT', 'I0013', 'cancelled'],
  ['LKD', 'I0043', 'on-hold'],
];

/** The system name of SAP in {@link sapOrderStatusMap}. */
const SAP = 'sap';

/**
 * SAP production order system statuses ↔ canonical work order statuses (domain
 * `workorder-status`, system `sap`); the table is in the source above this export. `toCanonical`
 * takes one status; `fromCanonical` gives the first one listed for a status (created → CRTD,
 * released → REL, in-progress → PCNF, completed → CNF, closed → CLSD, cancelled → DLFL,
 * on-hold → LKD). Unmapped codes throw `MappingError` `UNMAPPED_CODE`.
 * @example
 * sapOrderStatusMap.toCanonical('sap', 'TECO'); // 'completed'
 * sapOrderStatusMap.fromCanonical('sap', 'released'); // 'REL'
 */
export const sapOrderStatusMap: CodeMap<WorkOrderStatus> = CodeMap.fromRows(
  'workorder-status',
  ROWS.flatMap(([code, number, canonical]): CodeMapRow[] => [
    { system: SAP, code, canonical },
    { system: SAP, code: number, canonical },
  ]),
  { canonical: WorkOrderStatus, unmapped: 'error' },
);

/**
 * Which status wins when an order carries several: the later in the life cycle, and a lock over
 * work in progress (a locked order that is completed stays completed).
 */
const PRECEDENCE: readonly WorkOrderStatus[] = [
  'cancelled',
  'closed',
  'completed',
  'on-hold',
  'in-progress',
  'released',
  'created',
];

const CANONICAL_OF = new Map(
  ROWS.flatMap(([code, number, canonical]) => [
    [code, canonical],
    [number, canonical],
  ]),
);

/** More statuses than an order ever carries at once: a longer list is not a status set. */
const MAX_STATUSES = 1000;

const ORDER_STATUS = { domain: 'workorder-status', system: SAP } as const;

function invalidStatuses(message: string, cause?: unknown): MappingError {
  return new MappingError('INVALID_SOURCE_DATA', message, ORDER_STATUS, { cause });
}

const tooMany = (): MappingError =>
  invalidStatuses(`more than ${MAX_STATUSES} SAP order statuses: this is not a status set`);

/**
 * The statuses as a list of strings, each read once. A status that is not a string is refused,
 * not skipped: the statuses that remain could name a status the order does not have.
 */
function readStatuses(statuses: unknown): readonly string[] {
  if (typeof statuses === 'string') {
    const list = statuses.split(/[\s,]+/, MAX_STATUSES + 1);
    if (list.length > MAX_STATUSES) throw tooMany();
    return list;
  }
  const unreadable = (cause: unknown): MappingError =>
    invalidStatuses('the list of SAP order statuses could not be read (see the cause)', cause);
  if (!readCallerValue(() => Array.isArray(statuses), unreadable)) {
    throw invalidStatuses(
      `SAP order statuses must be a string or a list of strings, not ${describeInput(statuses)}`,
    );
  }
  const array = statuses as readonly unknown[];
  const length = readCallerValue(() => array.length, unreadable);
  if (length > MAX_STATUSES) throw tooMany();
  const list: string[] = [];
  for (let index = 0; index < length; index += 1) {
    const status = readCallerValue(() => array[index], unreadable);
    if (typeof status !== 'string') {
      throw invalidStatuses(
        `SAP order status ${index + 1} is ${describeInput(status)}, not a string such as "REL" or "I0002"`,
      );
    }
    list.push(status);
  }
  return list;
}

/**
 * The one canonical status of an SAP order from the set of system statuses it carries at once,
 * as SAP shows them (`"REL PCNF PRC MACM"`, separated by spaces or commas) or as a list; status
 * numbers (`I0002`) count too, in any case and with SAP's padding blanks. The most advanced
 * status wins: DLFL/DLT > CLSD > TECO/DLV/CNF > LKD > PCNF/PDLV > REL/PREL > CRTD. Statuses
 * outside {@link sapOrderStatusMap} (PRC, MACM, user statuses...) are ignored.
 * @returns the canonical work order status.
 * @throws MappingError `UNMAPPED_CODE` when none of the statuses is a life-cycle status;
 * `INVALID_SOURCE_DATA` for a value that is not a string or a list of strings, a list with a
 * status that is not a string (it is refused, not skipped), more than 1,000 statuses, or a list
 * that cannot be read (a throwing getter; the error is the cause).
 * @example workOrderStatusFromSap('REL PCNF PRC MACM'); // 'in-progress'
 * @example workOrderStatusFromSap(['REL', 'CNF', 'TECO']); // 'completed'
 */
export function workOrderStatusFromSap(statuses: string | readonly string[]): WorkOrderStatus {
  const list = readStatuses(statuses);
  let best: number = PRECEDENCE.length;
  for (const status of list) {
    const canonical = CANONICAL_OF.get(status.trim().toUpperCase());
    if (canonical !== undefined) best = Math.min(best, PRECEDENCE.indexOf(canonical));
  }
  const status = PRECEDENCE[best];
  if (status === undefined) {
    const written = list.join(' ');
    throw new MappingError(
      'UNMAPPED_CODE',
      `no life-cycle status among the SAP order statuses ${describeInput(written)}`,
      { ...ORDER_STATUS, value: shortenText(written) },
    );
  }
  return status;
}
