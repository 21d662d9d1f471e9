import type { N8nServer } from './instance.mjs';

export interface QueueMode {
	/** The main process's URL (editor, REST API, webhooks). */
	url: string;
	main: N8nServer;
	workers: N8nServer[];
	/** The environment every n8n process shares (database, queue, encryption key). */
	env: Record<string, string>;
	stop(): Promise<void>;
}
export declare function startQueueMode(opts: {
	workDir: string;
	tarball: string;
	workers?: number;
	workerConcurrency?: number;
	log?: (msg: string) => void;
}): Promise<QueueMode>;
