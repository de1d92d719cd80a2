export interface PrecompressTotals {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}
export function precompressDir(dir: string): PrecompressTotals;
