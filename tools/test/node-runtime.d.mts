export declare function nodeBinary(major?: number): string;
export declare function shadowedNodeProblem(): string | null;
