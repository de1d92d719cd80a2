export interface WorkspaceAlias {
  name: string;
  /** Absolute path of the aliased file. */
  file: string;
}
export declare function workspaceAliases(root?: string): WorkspaceAlias[];
export declare function jestModuleNameMapper(root?: string): Record<string, string>;
export declare function viteAliases(root?: string): { find: RegExp; replacement: string }[];
export declare function aliasMap(root?: string): Record<string, string>;
