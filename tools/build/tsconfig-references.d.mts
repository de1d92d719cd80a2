export interface ProjectTsconfig {
  extends: string;
  compilerOptions: Record<string, unknown>;
  include: string[];
  references: { path: string }[];
}
export declare function projectTsconfig(
  projectRoot: string,
  dependencyRoots: Iterable<string>,
): ProjectTsconfig;
export declare function expectedTsconfigs(graph: unknown): Record<string, ProjectTsconfig>;
export declare function projectGraph(): Promise<unknown>;
export declare function readTsconfig(projectRoot: string): unknown;
