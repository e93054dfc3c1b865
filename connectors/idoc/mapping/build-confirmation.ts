import { MappingError } from '../../../src/errors/mapping-error.js';
import { UnitError } from '../../../src/errors/unit-error.js';
import type { ProductionConfirmation } from '../../../src/model/production-confirmation.js';
import type { Segment } from '../idoc.js';
import type { ResolvedIdocMappingOptions } from './idoc-mapping-options.js';
import { TIMETICKET } from './map-production-confirmation.js';
import { toSapDate, toSapDateTime } from './sap-timestamp.js';
import { SegmentBuilder } from './segment-builder.js';

/**
 * ProductionConfirmations as CONF21 time tickets, one E1BP_PP_TIMETICKET each. Scrap and rework
 * are converted to the yield's unit (the ticket has one). The posting date is `postingDate`, else
 * the day of `confirmedAt`; the execution dates are written only when `actualStart`/`actualEnd`
 * are given, so a confirmation without them fits the built-in CONF21 definition.
 */
export function buildConfirmationSegments(
  confirmations: readonly ProductionConfirmation[],
  options: ResolvedIdocMappingOptions,
): Segment[] {
  return confirmations.map((confirmation, index) => {
    if (confirmation.reverses !== undefined) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        'CONF21 time tickets cannot cancel a confirmation; use the cancellation BAPI',
        {
          location: `/${index}/reverses`,
          value: confirmation.reverses,
        },
      );
    }
    const unit = confirmation.yield.unit;
    const inYieldUnit = (quantity: ProductionConfirmation['scrap'], field: string): string | undefined => {
      if (quantity === undefined) return undefined;
      if (quantity.unit === unit) return quantity.value;
      try {
        return convertToYieldUnit(options, quantity, unit);
      } catch (error) {
        if (!(error instanceof UnitError)) throw error;
        throw new MappingError(
          'INVALID_SOURCE_DATA',
          `${field} is in ${quantity.unit}, which does not convert to the yield unit ${unit}`,
          {
            location: `/${index}/${field}`,
            value: quantity.unit,
          },
          { cause: error },
        );
      }
    };
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
      .unit('CONF_QUAN_UNIT', 'CONF_QUAN_UNIT_ISO', unit)
      .set('YIELD', confirmation.yield.value)
      .set('SCRAP', inYieldUnit(confirmation.scrap, 'scrap'))
      .set('REWORK', inYieldUnit(confirmation.rework, 'rework'))
      .timestamp('EXEC_START_DATE', 'EXEC_START_TIME', confirmation.actualStart)
      .timestamp('EXEC_FIN_DATE', 'EXEC_FIN_TIME', confirmation.actualEnd)
      .set('PERS_NO', confirmation.personnel).segment;
  });
}

/** Converts exactly, or to SAP's three decimals when the exact value does not terminate. */
function convertToYieldUnit(
  options: ResolvedIdocMappingOptions,
  quantity: NonNullable<ProductionConfirmation['scrap']>,
  unit: string,
): string {
  try {
    return options.units.convert(quantity, unit).value;
  } catch (error) {
    if (!(error instanceof UnitError) || error.code !== 'INEXACT') throw error;
    return options.units.convert(quantity, unit, { scale: 3, rounding: 'half-even' }).value;
  }
}
