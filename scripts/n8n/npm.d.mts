export declare function cleanNpmEnv(extra?: Record<string, string>, base?: NodeJS.ProcessEnv): Record<string, string>;
