export declare function chromiumPath(): string;
export declare class SystemPackageMissingError extends Error {}
export declare class ChromiumMissingError extends SystemPackageMissingError {}
export declare function ensureChromium(opts?: { log?: (msg: string) => void; exists?: (path: string) => boolean }): string;
export declare function ensureQueueModeServers(opts?: { log?: (msg: string) => void; exists?: (path: string) => boolean }): void;
