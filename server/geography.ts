import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

/**
 * Which assembly constituencies make up each Lok Sabha constituency, from the bundled reference
 * geography (resources/jharkhand/csv/assembly.csv). A Lok Sabha device reads and writes exactly the
 * buckets of its assembly constituencies.
 */
export interface Geography {
  acsOfPc(pcNo: number): number[];
  pcOfAc(acNo: number): number | null;
  allAcs(): number[];
}

export function loadGeography(resourcesDir: string): Geography {
  const text = readFileSync(path.join(resourcesDir, 'jharkhand', 'csv', 'assembly.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
  const pcOf = new Map<number, number>();
  for (const r of rows) pcOf.set(Number(r.ac_no), Number(r.pc_no));
  const acs = [...pcOf.keys()].sort((a, b) => a - b);
  return {
    acsOfPc: (pcNo) => acs.filter((a) => pcOf.get(a) === pcNo),
    pcOfAc: (acNo) => pcOf.get(acNo) ?? null,
    allAcs: () => acs,
  };
}
