export declare const GENESIS_HASH: string;
export declare function canonicalJson(value: unknown): string;
export declare function eventHash(event: Record<string, unknown> & { prevHash: string }): string;
export declare function parseCsv(text: string): (string | null)[][];
export declare function eventsFromCsv(text: string): Record<string, unknown>[];
export declare function eventsFromNdjson(text: string): Record<string, unknown>[];
export type VerifyExportResult =
  | {
      ok: true;
      count: number;
      lastHash: string | null;
      runs: { first: string; last: string; follows: string }[];
    }
  | { ok: false; brokenAt: string | null; id: string | null; reason: string };
export declare function verifyEvents(
  events: unknown[],
  options?: { fromHash?: string; head?: string },
): VerifyExportResult;
export declare function verifyExportText(
  text: string,
  options?: { fromHash?: string; head?: string },
): VerifyExportResult;
