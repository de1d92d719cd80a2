/**
 * The state file's upgrade chain. Each step takes a parsed document of version N and returns version N+1;
 * `upgradeDocument` runs the steps from the file's version to `STATE_VERSION` at load. A file of a newer
 * version than this emulator knows is refused (and left untouched): it was written by a newer poolkeeper.
 *
 * To change the file's shape: bump STATE_VERSION in persisted.ts, add a step here, add a fixture of the old
 * version under `state/fixtures/` and a test that loads it.
 */
import { type PersistedState, STATE_VERSION, structureProblem } from './persisted';

type Document = Record<string, unknown>;
type Step = (doc: Document, context: UpgradeContext) => Document;

export interface UpgradeContext {
  /** The Region assumed for pools whose id does not name one. */
  defaultRegion: string;
}

const REGION_PREFIX = /^([a-z]{2}(?:-[a-z0-9]+)+-\d+)_/;
const objectValues = (v: unknown): Document[] =>
  typeof v === 'object' && v !== null ? (Object.values(v) as Document[]) : [];

/**
 * v1 → v2: a pool records its Region (the emulator now serves every Region on one port; v1 served one, and
 * its pool ids carry it as their prefix); app clients record whether token revocation is on (v1 clients
 * always allowed it, as AWS does by default for new clients).
 */
const v1ToV2: Step = (doc, context) => {
  for (const pool of objectValues(doc.pools)) {
    const id = typeof pool.id === 'string' ? pool.id : '';
    pool.region = REGION_PREFIX.exec(id)?.[1] ?? context.defaultRegion;
    for (const client of objectValues(pool.clients)) client.enableTokenRevocation ??= true;
  }
  return { ...doc, refreshTokens: doc.refreshTokens ?? {}, version: 2 };
};

/**
 * v2 → v3: the federation half (identity providers, identity pools, IAM roles, issued credentials) has its
 * own section; a v2 file had none of it.
 */
const v2ToV3: Step = (doc) => ({ ...doc, federation: doc.federation ?? {}, version: 3 });

/** steps[n] upgrades version n to n + 1. */
const steps: Record<number, Step> = { 1: v1ToV2, 2: v2ToV3 };

export class StateFileError extends Error {}

export interface Upgraded {
  doc: PersistedState;
  /** The version the file had (equal to STATE_VERSION when nothing was upgraded). */
  from: number;
}

export function upgradeDocument(parsed: unknown, file: string, context: UpgradeContext): Upgraded {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new StateFileError(`cognito-emulator: ${file} has an unknown format (not a JSON object).`);
  let doc = parsed as Document;
  const from = doc.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    throw new StateFileError(`cognito-emulator: ${file} has an unknown format (no valid "version").`);
  if (from > STATE_VERSION) {
    throw new StateFileError(
      `cognito-emulator: ${file} is state version ${from}, written by a newer poolkeeper; this one reads ` +
        `versions 1 to ${STATE_VERSION}. The file was left untouched: run the newer poolkeeper, or move ` +
        `the file away to start with an empty local Cognito.`,
    );
  }
  for (let v = from; v < STATE_VERSION; v++) {
    const step = steps[v];
    if (!step) throw new StateFileError(`cognito-emulator: no upgrade from state version ${v}.`);
    doc = step(doc, context);
  }
  const problem = structureProblem(doc);
  if (problem) throw new StateFileError(`cognito-emulator: ${file} has an unknown format (${problem}).`);
  return { doc: doc as unknown as PersistedState, from };
}
