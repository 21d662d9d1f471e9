export declare const N8N_VERSION: string;
export interface N8nPaths {
	cache: string;
	node24Prefix: string;
	nodeBinDir: string;
	nodeBin: string;
	nodeDir: string;
	n8nDir: string;
	n8nBin: string;
	marker: string;
}
export declare function cacheDir(): string;
export declare function n8nPaths(cache?: string): N8nPaths;
export declare function ensureNode24(p?: N8nPaths): Promise<string>;
export declare function ensureN8n(opts?: { quiet?: boolean }): Promise<N8nPaths>;
