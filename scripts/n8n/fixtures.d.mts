export declare const CREDENTIAL_ID: string;
export declare const CREDENTIAL_NAME: string;
export declare const CREDENTIAL_TYPE: string;
export declare const NODE_TYPE: string;
export declare const EMULATOR_LOGIN: Readonly<{ subdomain: string; username: string; password: string }>;
export declare const workflowsDir: string;
export interface WorkflowFixture {
	id: string;
	name: string;
	file: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; [k: string]: unknown }>;
	connections: Record<string, unknown>;
	[k: string]: unknown;
}
export declare function loadWorkflows(): WorkflowFixture[];
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: { subdomain: string; username: string; password: string; baseUrl: string };
}
export declare function emulatorCredential(
	baseUrl: string,
	login?: { subdomain: string; username: string; password: string },
): CredentialImport;
