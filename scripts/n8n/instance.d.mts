export declare const OWNER: Readonly<{ email: string; firstName: string; lastName: string; password: string }>;
export declare function freePort(): Promise<number>;
export interface N8nTarget {
	userFolder: string;
	port?: number;
	brokerPort?: number;
	timeoutMs?: number;
}
export declare function n8nEnv(opts: { userFolder: string; port: number; brokerPort?: number; extra?: Record<string, string> }): NodeJS.ProcessEnv;
export declare function n8nCli(args: string[], opts: N8nTarget): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
export declare function importCredentials(credentials: unknown[], opts: N8nTarget): void;
export declare function importWorkflows(workflows: unknown[], opts: N8nTarget): void;
export declare function executeWorkflow(id: string, opts: N8nTarget): { status: number | null; result: any; stdout: string; stderr: string };
export interface N8nServer {
	url: string;
	port: number;
	pid: number;
	stop(): Promise<void>;
	logs(): string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export declare function startN8n(opts: {
	userFolder: string;
	port: number;
	brokerPort?: number;
	readyTimeoutMs?: number;
	onLog?: (chunk: string) => void;
	extraEnv?: Record<string, string>;
	/** n8n's arguments; default `['start']`. */
	command?: string[];
	/** What answers 200 once the process is ready; default the server's `/healthz/readiness`. */
	readyUrl?: string;
}): Promise<N8nServer>;
export declare class N8nRest {
	constructor(url: string);
	url: string;
	cookie: string;
	request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }>;
	ok(method: string, path: string, body?: unknown): Promise<any>;
	publish(workflowId: string): Promise<any>;
	setupOwnerAndLogin(owner?: { email: string; firstName: string; lastName: string; password: string }): Promise<void>;
}
export declare function waitForUrl(url: string, timeoutMs?: number): Promise<void>;
