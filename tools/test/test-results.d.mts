export interface TierCounts {
  passed: number;
  failed: number;
  skipped: number;
}
export declare function countsOf(result: unknown): TierCounts | null;
export declare function readTierCounts(resultsDir: string): Record<string, TierCounts>;
