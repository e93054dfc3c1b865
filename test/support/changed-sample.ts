// A realistic sample record with one change, for tests of what the schemas refuse and allow.
import * as samples from '../../examples/sample-records.js';

/** The name of a sample record: the name of its canonical object. */
export type SampleName = keyof typeof samples.sampleRecords;

/** A deep copy of the named sample record with `change` applied to it. */
export function changedSample(
  name: SampleName,
  change: (record: Record<string, any>) => void,
): Record<string, any> {
  const copy = structuredClone(samples.sampleRecords[name]) as Record<string, any>;
  change(copy);
  return copy;
}
