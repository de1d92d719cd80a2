export declare const repoRoot: string;
export declare function baseCompilerOptions(root?: string): Record<string, unknown>;
