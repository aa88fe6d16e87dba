import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

/**
 * Which assembly constituencies make up each Lok Sabha constituency, and which district each lies in,
 * from the bundled reference geography (resources/jharkhand/csv/assembly.csv). A Lok Sabha device reads
 * and writes exactly the buckets of its assembly constituencies, its own Lok Sabha and the districts
 * its assembly constituencies lie in.
 */
export interface Geography {
  acsOfPc(pcNo: number): number[];
  pcOfAc(acNo: number): number | null;
  allAcs(): number[];
  allPcs(): number[];
  /** Census 2011 codes of the districts the Lok Sabha's assembly constituencies lie in. */
  districtsOfPc(pcNo: number): string[];
  allDistricts(): string[];
}

export function loadGeography(resourcesDir: string): Geography {
  const text = readFileSync(path.join(resourcesDir, 'jharkhand', 'csv', 'assembly.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
  const pcOf = new Map<number, number>();
  const districtOf = new Map<number, string>();
  for (const r of rows) {
    pcOf.set(Number(r.ac_no), Number(r.pc_no));
    if (r.district_census2011_code) districtOf.set(Number(r.ac_no), r.district_census2011_code.trim());
  }
  const acs = [...pcOf.keys()].sort((a, b) => a - b);
  const pcs = [...new Set(pcOf.values())].sort((a, b) => a - b);
  const acsOfPc = (pcNo: number) => acs.filter((a) => pcOf.get(a) === pcNo);
  return {
    acsOfPc,
    pcOfAc: (acNo) => pcOf.get(acNo) ?? null,
    allAcs: () => acs,
    allPcs: () => pcs,
    districtsOfPc: (pcNo) => [...new Set(acsOfPc(pcNo).map((a) => districtOf.get(a)).filter((d): d is string => Boolean(d)))].sort(),
    allDistricts: () => [...new Set(districtOf.values())].sort(),
  };
}
