// A seeded generator of LOIPRO01 files for the IDoc benchmarks: realistic production orders
// (header, statuses, a sequence with operations, components, an item), as flat files with every
// record padded to 1063 characters as SAP file ports write them, or as IDoc-XML. Nothing is
// committed; the same seed gives the same bytes.
import { type Idoc, type IdocControl, type Segment, writeIdoc } from '../connectors/idoc/index.js';
import { seededRandom } from './harness.js';

const CONTROL: Omit<IdocControl, 'docnum'> = {
  tabnam: 'EDI_DC40',
  mandt: '100',
  docrel: '758',
  status: '30',
  direct: '1',
  outmod: '2',
  exprss: '',
  test: '',
  idoctyp: 'LOIPRO01',
  cimtyp: '',
  mestyp: 'LOIPRO',
  mescod: '',
  mesfct: '',
  std: '',
  stdvrs: '',
  stdmes: '',
  sndpor: 'SAPS4P',
  sndprt: 'LS',
  sndpfc: '',
  sndprn: 'S4PCLNT100',
  sndsad: '',
  sndlad: '',
  rcvpor: 'MES_FILE',
  rcvprt: 'LS',
  rcvpfc: '',
  rcvprn: 'MESDE01',
  rcvsad: '',
  rcvlad: '',
  credat: '20260512',
  cretim: '061500',
  refint: '',
  refgrp: '',
  refmes: '',
  arckey: '',
  serial: '',
};

const segment = (name: string, fields: Record<string, string>, children: Segment[] = []): Segment => ({
  name,
  segnum: '',
  fields,
  children,
});

/**
 * One production order as an IDoc, from a seeded random source. The built-in LOIPRO01 has no
 * field layout for E1AFVOL and E1RESBL, so a flat file carries their data as raw text; IDoc-XML
 * carries the same values as named fields.
 */
export function generateOrder(index: number, random: () => number, format: 'flat' | 'xml' = 'flat'): Idoc {
  const pad = (value: number, length: number): string => String(value).padStart(length, '0');
  const quantity = `${Math.ceil(random() * 1000)}.000`;
  const day = 10 + Math.floor(random() * 18);
  const withData = (name: string, fields: Record<string, string>, children: Segment[] = []): Segment =>
    format === 'xml'
      ? segment(name, fields, children)
      : { ...segment(name, {}, children), unparsed: Object.values(fields).join('') };
  const operations = Array.from({ length: 5 }, (_, k) =>
    withData(
      'E1AFVOL',
      {
        VORNR: pad((k + 1) * 10, 4),
        ARBPL: `WC-${pad(Math.floor(random() * 40), 3)}   `,
        LTXA1: `Operation ${k + 1}`,
      },
      [
        segment('E1JSTVL', { STAT: k === 0 ? 'I0002' : 'I0001' }),
        ...Array.from({ length: 3 }, (__, c) =>
          withData('E1RESBL', {
            RSNUM: pad(index, 10),
            RSPOS: pad(k * 3 + c + 1, 4),
            BDMNG: (random() * 500).toFixed(3).padStart(14),
            MEINS: 'KGM ',
            MATNR: `RM-${pad(Math.floor(random() * 99999), 6)}`,
          }),
        ),
      ],
    ),
  );
  return {
    control: { ...CONTROL, docnum: pad(1_000_000 + index, 16) },
    segments: [
      segment(
        'E1AFKOL',
        {
          AUFNR: pad(1_004_000 + index, 12),
          AUART: 'PP01',
          AUTYP: '10',
          DISPO: '001',
          GAMNG: quantity,
          GASMG: '0.000',
          GLTRP: `202605${pad(day + 1, 2)}`,
          GLUZP: '160000',
          GMEIN: 'H87',
          GSTRP: `202605${pad(day, 2)}`,
        },
        [
          segment('E1JSTKL', { STAT: 'I0002' }),
          segment('E1JSTKL', { STAT: 'I0010' }),
          segment('E1AFFLL', {}, operations),
          segment('E1AFPOL', {
            POSNR: '0001',
            AMEIN: 'H87',
            LGORT: '0001',
            MATNR: pad(Math.floor(random() * 1e9), 18),
            MEINS: 'H87',
            PSMNG: quantity,
            VERID: '0001',
          }),
        ],
      ),
    ],
  };
}

/**
 * Writes LOIPRO01 IDocs until about `bytes` bytes, as a list of chunks of complete IDocs.
 * @returns the chunks and the number of IDocs.
 */
export function generateLoiproFile(bytes: number, seed = 20260512): { chunks: Buffer[]; idocs: number } {
  const random = seededRandom(seed);
  const chunks: Buffer[] = [];
  let total = 0;
  let index = 0;
  while (total < bytes) {
    const batch = Array.from({ length: 100 }, () => generateOrder(index++, random));
    const chunk = Buffer.from(writeIdoc(batch), 'utf8');
    chunks.push(chunk);
    total += chunk.length;
  }
  return { chunks, idocs: index };
}

/** Writes about `bytes` bytes of LOIPRO01 IDoc-XML (one document, many IDocs, indented as SAP writes it). */
export function generateLoiproXml(bytes: number, seed = 20260512): { xml: Buffer; idocs: number } {
  const random = seededRandom(seed);
  const orders: Idoc[] = [];
  const sample = Buffer.byteLength(
    writeIdoc([generateOrder(0, seededRandom(seed), 'xml')], { format: 'xml' }),
  );
  const count = Math.max(1, Math.round(bytes / sample));
  for (let index = 0; index < count; index += 1) orders.push(generateOrder(index, random, 'xml'));
  return { xml: Buffer.from(writeIdoc(orders, { format: 'xml' }), 'utf8'), idocs: count };
}
