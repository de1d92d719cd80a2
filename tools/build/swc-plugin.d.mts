import type { Plugin } from 'esbuild';
export declare function swcDecorators(root: string): Plugin;
