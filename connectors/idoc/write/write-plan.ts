import { IdocError } from '../../../src/errors/idoc-error.js';
import type { CompiledSchema } from '../schema/compile-schema.js';
import type { IdocToWrite } from './read-idoc-object.js';

/** The most segments an IDoc can hold: SEGNUM has six digits. */
export const MAX_SEGMENTS = 999_999;

/** What the flat and the XML writer know about the IDoc they are writing. */
export interface WritePlan {
  readonly idoc: IdocToWrite;
  /** The schema the IDoc is written with, if any describes it. */
  readonly schema: CompiledSchema | undefined;
  /** How many segments have been written. */
  counter: number;
}

/**
 * Counts a segment about to be written. The limit also stops a tree built in code whose
 * segments share children (each written again wherever it occurs) from growing exponentially.
 * @throws {IdocError} `BAD_HIERARCHY` past {@link MAX_SEGMENTS} segments.
 */
export function countSegment(plan: WritePlan, segment: string): void {
  plan.counter += 1;
  if (plan.counter > MAX_SEGMENTS) {
    throw new IdocError(
      'BAD_HIERARCHY',
      `IDoc ${plan.idoc.docnum} has more than ${MAX_SEGMENTS.toLocaleString('en-US')} segments; SEGNUM has six digits`,
      { docnum: plan.idoc.docnum, segment },
    );
  }
}
