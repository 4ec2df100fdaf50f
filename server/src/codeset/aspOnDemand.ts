/**
 * The ASP quarter (NDC-HCPCS crosswalk and payment limits) as the code set answers from it, built on demand: the
 * rows of an NDC are found by a binary search (the importer sorts the crosswalk by NDC; checked on the first
 * question, else an index is made), those of a HCPCS code through an index of row numbers made on the first
 * question, and a row becomes its record (numbers parsed) when it is first part of an answer. A crosswalk kept as
 * the importer's bytes (codeset/packedRows.ts, node/aspTable.ts) is searched in place, its rows parsed when asked for. A claim file asks about
 * the few NDCs and drug codes it bills, not the 8,000 rows of the crosswalk.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): making every
 * record and list of the quarter cost 10 to 24 ms of the first check of a file with a drug line, cold.
 */
import type { AspTable } from './schema';
import { PackedRows } from './packedRows';
import type { AspData, NdcRecord, PaymentLimit } from './types';

/** The answer of a key with no rows (one frozen list). */
const NONE: readonly NdcRecord[] = Object.freeze([]);
/** Keys remembered per question before the memo starts over. */
const MAX_KEYS = 50_000;

function toNumber(s: string): number {
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * Row numbers of the rows whose first column is `key`, in row order, when the rows are sorted by that column (as
 * the importer writes the crosswalk: by NDC, then code): a binary search, no index made. Undefined when they are
 * not sorted (a table written otherwise): the caller indexes them.
 */
function sortedRowsOf(rows: readonly (readonly string[])[], key: string): number[] {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid][0] < key) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < rows.length && rows[i][0] === key; i++) found.push(i);
  return found;
}

function sortedByFirstColumn(rows: readonly (readonly string[])[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1][0] > rows[i][0]) return false;
  return true;
}

/** Row numbers of `rows` by the value of `column`, in row order. */
function rowsByColumn(rows: readonly (readonly string[])[], column: number): Map<string, number[]> {
  const by = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const key = rows[i][column];
    const list = by.get(key);
    if (list) list.push(i);
    else by.set(key, [i]);
  }
  return by;
}

/** What the code set answers about the quarter; `normalizeNdc` turns a claim's NDC into the table's 5-4-2 form. */
export function aspOnDemand(table: AspTable, normalizeNdc: (ndc: string) => string | undefined): AspData {
  const crosswalk = table.crosswalk;
  const records = new Array<NdcRecord | undefined>(crosswalk.length);
  const recordAt = (i: number): NdcRecord => {
    let rec = records[i];
    if (!rec) {
      const r = crosswalk instanceof PackedRows ? crosswalk.row(i) : crosswalk[i];
      rec = records[i] = {
        ndc: r[0],
        hcpcs: r[1],
        labeler: r[2],
        drugName: r[3],
        hcpcsDosage: r[4],
        packageSize: toNumber(r[5]),
        packageQuantity: toNumber(r[6]),
        billUnits: toNumber(r[7]),
        billUnitsPerPackage: toNumber(r[8]),
      };
    }
    return rec;
  };
  /**
   * The records of one key: the same list on every call, an empty answer remembered too (most codes of a claim file
   * have no NDC in the crosswalk, and finding that out is a byte search of the whole packed crosswalk: every drug line
   * of the 10 MB benchmark file asked it again, 13 s of its all-diagnostics run). `rowsOf`: the row numbers of a key
   * (made on the first call). At most MAX_KEYS keys are remembered before it starts over (random text stays bounded).
   */
  const answers = (rowsOf: () => (key: string) => readonly number[] | undefined) => {
    let find: ((key: string) => readonly number[] | undefined) | undefined;
    const lists = new Map<string, readonly NdcRecord[]>();
    return (key: string): readonly NdcRecord[] => {
      let list = lists.get(key);
      if (!list) {
        const found = (find ??= rowsOf())(key);
        list = found && found.length > 0 ? found.map(recordAt) : NONE;
        if (lists.size >= MAX_KEYS) lists.clear();
        lists.set(key, list);
      }
      return list;
    };
  };
  let ofNdc: (key: string) => readonly NdcRecord[];
  let ofCode: (key: string) => readonly NdcRecord[];
  if (crosswalk instanceof PackedRows) {
    // the importer's rows, kept as bytes (node/aspTable.ts): an NDC's by a binary search, a code's by a byte search
    // for it as the second field (after the 13 characters of the NDC and its quotes: `["00002-0213-01","J1817",`)
    ofNdc = answers(() => (key) => {
      const [from, to] = crosswalk.range(key);
      return Array.from({ length: to - from }, (_, k) => from + k);
    });
    // a code's rows: an index of every row's second field made on the first question (one pass over the rows'
    // starts, about 1 ms): a byte search per code cost a search of the whole list for each distinct code billed
    // (7,269 in the 10 MB benchmark file: 2.5 s of its first check)
    ofCode = answers(() => {
      const rows = new Map<string, number[]>();
      for (let row = 0; row < crosswalk.length; row++) {
        const code = crosswalk.secondField(row);
        const list = rows.get(code);
        if (list) list.push(row);
        else rows.set(code, [row]);
      }
      return (code: string) => rows.get(code);
    });
  } else {
    const byColumn = (column: number) => () => {
      const rows = rowsByColumn(crosswalk, column);
      return (key: string) => rows.get(key);
    };
    // by NDC: a binary search over the rows as the importer sorts them, else an index
    ofNdc = answers(() => (sortedByFirstColumn(crosswalk) ? (key: string) => sortedRowsOf(crosswalk, key) : byColumn(0)()));
    ofCode = answers(byColumn(1));
  }
  let limits: Map<string, PaymentLimit> | undefined;
  const limitsByCode = () => {
    if (!limits) {
      limits = new Map();
      for (const r of table.limits) limits.set(r[0], { hcpcs: r[0], hcpcsDosage: r[1], paymentLimit: r[2], coinsurancePercent: r[3], notes: r[4] });
    }
    return limits;
  };
  return {
    release: table.release,
    from: table.effective.from,
    to: table.effective.to,
    ndc: (ndc) => {
      const key = normalizeNdc(ndc);
      return key ? ofNdc(key) : [];
    },
    ndcsOf: (hcpcs) => ofCode(hcpcs.trim().toUpperCase()),
    paymentLimit: (hcpcs) => limitsByCode().get(hcpcs.trim().toUpperCase()),
  };
}
