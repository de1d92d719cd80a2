import type { Options } from '@swc/core';
export declare function swcOptions(file: { tsx: boolean }, root?: string): Options;
