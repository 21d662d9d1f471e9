type Log = (msg: string) => void;
export declare const repoRoot: string;
export declare function packageInfo(): { name: string; version: string };
export declare function buildPackage(opts?: { log?: Log }): void;
export declare function packPackage(outDir: string, opts?: { log?: Log }): string;
export declare function packDryRunFiles(): string[];
export declare function installPackedPackage(tarball: string, userFolder: string, opts?: { log?: Log }): string;
