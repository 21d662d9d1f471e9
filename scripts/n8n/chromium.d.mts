export declare function chromiumPath(): string;
export declare class ChromiumMissingError extends Error {}
export declare function ensureChromium(opts?: { log?: (msg: string) => void; exists?: (path: string) => boolean }): string;
