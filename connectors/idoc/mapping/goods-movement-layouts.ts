// Where the fields of a goods movement are in the two messages that carry one: MBGMCR (the ALE
// interface of BAPI_GOODSMVT_CREATE) and WMMBXY (goods movements from a warehouse system). The
// mapping and its inverse both read this table, so they cannot drift apart.
import type { StockType } from '../../../src/model/inventory-movement.js';

/** The segment and field names of one goods movement message. */
export interface GoodsMovementLayout {
  readonly header: string;
  readonly item: string;
  readonly postingDate: string;
  readonly documentDate: string;
  readonly reference: string;
  readonly text: string;
  /** Material number fields, the long (S/4HANA) one first; the last is written. */
  readonly material: readonly [string, ...string[]];
  readonly plant: string;
  readonly storageLocation: string;
  readonly batch: string;
  readonly movementType: string;
  /**
   * The indicator that posts an item as the reversal of its movement type (WMMBXY's XSTOB: X
   * posts a 101 as 102), when the message has one.
   */
  readonly reversalIndicator: string | undefined;
  readonly stockType: string;
  /**
   * The stock type indicator for each stock type that has one. Blank posts in the movement type's
   * default stock type; an indicator not listed here is refused.
   */
  readonly stockTypeCodes: Readonly<Partial<Record<StockType, string>>>;
  readonly quantity: string;
  readonly unit: string;
  readonly unitIso: string | undefined;
  readonly order: string;
  readonly purchaseOrder: string;
  readonly purchaseOrderItem: string;
  readonly reservation: string;
  readonly reservationItem: string;
  readonly reason: string;
  readonly movePlant: string;
  readonly moveStorageLocation: string;
  readonly itemText: string;
}

/** MBGMCR: head E1BP2017_GM_HEAD_01, items E1BP2017_GM_ITEM_CREATE (under E1MBGMCR). */
export const MBGMCR_LAYOUT: GoodsMovementLayout = {
  header: 'E1BP2017_GM_HEAD_01',
  item: 'E1BP2017_GM_ITEM_CREATE',
  postingDate: 'PSTNG_DATE',
  documentDate: 'DOC_DATE',
  reference: 'REF_DOC_NO',
  text: 'HEADER_TXT',
  material: ['MATERIAL_LONG', 'MATERIAL'],
  plant: 'PLANT',
  storageLocation: 'STGE_LOC',
  batch: 'BATCH',
  movementType: 'MOVE_TYPE',
  reversalIndicator: undefined,
  stockType: 'STCK_TYPE',
  stockTypeCodes: { 'quality-inspection': '2', blocked: '3' },
  quantity: 'ENTRY_QNT',
  unit: 'ENTRY_UOM',
  unitIso: 'ENTRY_UOM_ISO',
  order: 'ORDERID',
  purchaseOrder: 'PO_NUMBER',
  purchaseOrderItem: 'PO_ITEM',
  reservation: 'RESERV_NO',
  reservationItem: 'RES_ITEM',
  reason: 'MOVE_REAS',
  movePlant: 'MOVE_PLANT',
  moveStorageLocation: 'MOVE_STLOC',
  itemText: 'ITEM_TEXT',
};

/** WMMBXY: head E1MBXYH (MKPF fields), items E1MBXYI (MSEG fields). */
export const WMMBXY_LAYOUT: GoodsMovementLayout = {
  header: 'E1MBXYH',
  item: 'E1MBXYI',
  postingDate: 'BUDAT',
  documentDate: 'BLDAT',
  reference: 'XBLNR',
  text: 'BKTXT',
  material: ['MATNR_LONG', 'MATNR'],
  plant: 'WERKS',
  storageLocation: 'LGORT',
  batch: 'CHARG',
  movementType: 'BWART',
  reversalIndicator: 'XSTOB',
  stockType: 'INSMK',
  stockTypeCodes: { 'quality-inspection': 'X', blocked: 'S' },
  quantity: 'ERFMG',
  unit: 'ERFME',
  unitIso: undefined,
  order: 'AUFNR',
  purchaseOrder: 'EBELN',
  purchaseOrderItem: 'EBELP',
  reservation: 'RSNUM',
  reservationItem: 'RSPOS',
  reason: 'GRUND',
  movePlant: 'UMWRK',
  moveStorageLocation: 'UMLGO',
  itemText: 'SGTXT',
};
