import { MappingError } from '../../../src/errors/mapping-error.js';
import { UnitError } from '../../../src/errors/unit-error.js';
import type { ProductionConfirmation } from '../../../src/model/production-confirmation.js';
import type { Segment } from '../idoc.js';
import type { ResolvedIdocMappingOptions } from './idoc-mapping-options.js';
import { TIMETICKET } from './map-production-confirmation.js';
import { toSapDate, toSapDateTime } from './sap-timestamp.js';
import { QUAN_13_3, writeSapSignedQuantity } from './sap-values.js';
import { SegmentBuilder } from './segment-builder.js';

/**
 * ProductionConfirmations as PP-PDC time tickets, one E1BP_PP_TIMETICKET each (the inverse of
 * the PPCC2PRETTICKET mapping). `final` is written as the record type (L40 final, L20 partial),
 * which PP-PDC interprets, and as FIN_CONF; `confirmedAt` as EX_CREATED_DATE/TIME; quantities in
 * the BAPI layout `0000012345.432+`. Scrap and rework are converted exactly to the yield's unit
 * (the ticket has one); a value that does not fit QUAN 13,3 exactly is refused, never rounded.
 * The posting date is `postingDate`, else the day of `confirmedAt`.
 */
export function buildConfirmationSegments(
  confirmations: readonly ProductionConfirmation[],
  options: ResolvedIdocMappingOptions,
  /** The JSON Pointer of the object at an index of the caller's input (`/0`; empty for one object). */
  pointerOf: (index: number) => string,
): Segment[] {
  return confirmations.map((confirmation, index) => {
    const at = pointerOf(index);
    if (confirmation.reverses !== undefined) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        'a time ticket cannot cancel a confirmation; use the cancellation BAPI',
        {
          location: `${at}/reverses`,
          value: confirmation.reverses,
        },
      );
    }
    const unit = confirmation.yield.unit;
    const quantity = (value: ProductionConfirmation['scrap'], field: string): string | undefined =>
      value === undefined
        ? undefined
        : writeSapSignedQuantity(
            inYieldUnit(options, value, unit, `${at}/${field}`),
            `${at}/${field}/value`,
            QUAN_13_3,
          );
    const postingDate =
      confirmation.postingDate === undefined
        ? toSapDateTime(confirmation.confirmedAt, options.timeZone).date
        : toSapDate(confirmation.postingDate);
    return new SegmentBuilder(TIMETICKET, options)
      .set('ORDERID', confirmation.workOrder)
      .set('OPERATION', confirmation.operation)
      .set('FIN_CONF', confirmation.final ? 'X' : undefined)
      .set('POSTG_DATE', postingDate)
      .set('DEV_REASON', confirmation.scrapReason)
      .set('CONF_TEXT', confirmation.text)
      .set('PLANT', confirmation.plant)
      .set('WORK_CNTR', confirmation.workCenter)
      .set('RECORDTYPE', confirmation.final ? 'L40' : 'L20')
      .sapUnit('CONF_QUAN_UNIT', 'CONF_QUAN_UNIT_ISO', unit, `${at}/yield/unit`)
      .set('YIELD', quantity(confirmation.yield, 'yield'))
      .set('SCRAP', quantity(confirmation.scrap, 'scrap'))
      .set('REWORK', quantity(confirmation.rework, 'rework'))
      .timestamp('EXEC_START_DATE', 'EXEC_START_TIME', confirmation.actualStart)
      .timestamp('EXEC_FIN_DATE', 'EXEC_FIN_TIME', confirmation.actualEnd)
      .set('PERS_NO', confirmation.personnel)
      .timestamp('EX_CREATED_DATE', 'EX_CREATED_TIME', confirmation.confirmedAt).segment;
  });
}

/**
 * A quantity's value in the yield's unit, converted exactly.
 * @throws {MappingError} `INVALID_SOURCE_DATA` at `location` when it does not convert, or not exactly.
 */
function inYieldUnit(
  options: ResolvedIdocMappingOptions,
  quantity: NonNullable<ProductionConfirmation['scrap']>,
  unit: string,
  location: string,
): string {
  if (quantity.unit === unit) return quantity.value;
  try {
    return options.units.convert(quantity, unit).value;
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${location} is in ${quantity.unit}, which does not convert exactly to the yield unit ${unit}`,
      { location, value: quantity.unit },
      { cause: error },
    );
  }
}
