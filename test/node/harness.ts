/**
 * In-process n8n for the node tests (toolchain.md, "In-process workflow execution"): the BUILT package is loaded
 * with n8n-core's `PackageDirectoryLoader`, exactly as n8n loads a community package, and run by n8n-core's
 * `WorkflowExecute`; loadOptions and credential tests go through n8n-core's own contexts. The shipping team may
 * reuse it.
 *
 * Which build: `SBO_NODE_PACKAGE_DIR` (a directory with package.json and dist/, e.g. the repository after
 * `npm run build`) when set; otherwise the node and the credential are bundled here with the gulpfile's esbuild
 * settings into a private directory under `.tmp/` (so parallel test files and a concurrent `npm run build`,
 * whose first step empties dist/, never race).
 */
import 'reflect-metadata';

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type * as N8nCore from 'n8n-core';
import type * as N8nWorkflow from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialsHelper,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

const root = path.resolve(__dirname, '../..');
// One copy of n8n-workflow for the harness, n8n-core and the bundle (which `require`s it): the CommonJS builds.
const requireCjs = createRequire(path.join(root, 'package.json'));
const core = requireCjs('n8n-core') as typeof N8nCore;
const workflowLib = requireCjs('n8n-workflow') as typeof N8nWorkflow;

/** The type name n8n gives the node: `<package name>.<description.name>`. */
export const NODE_TYPE = 'n8n-nodes-sonnys-backoffice.sonnysBackoffice';
export const CREDENTIAL_TYPE = 'sonnysBackofficeApi';

export interface TestCredentials extends ICredentialDataDecryptedObject {
	subdomain: string;
	username: string;
	password: string;
	baseUrl: string;
}

/** The credentials every node test uses against an emulator at `url`. */
export function emulatorCredentials(url: string, password = 'demo-password'): TestCredentials {
	return { subdomain: 'washu', username: 'demo-bot', password, baseUrl: url };
}

/** Bundles the node and the credential like the gulpfile does (same esbuild options) into a private package. */
async function buildPrivatePackage(): Promise<string> {
	const esbuild = await import('esbuild');
	const dir = path.join(root, '.tmp', `node-test-pkg-${process.pid}-${Date.now()}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const entries = [
		{ in: 'nodes/SonnysBackoffice/SonnysBackoffice.node.ts', out: pkg.n8n.nodes[0] },
		{ in: 'credentials/SonnysBackofficeApi.credentials.ts', out: pkg.n8n.credentials[0] },
	];
	try {
		await bundle(esbuild, dir, entries);
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	for (const folder of ['nodes', 'credentials']) copyAssets(path.join(root, folder), path.join(dir, 'dist', folder));
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, '\t'));
	return dir;
}

async function bundle(
	esbuild: typeof import('esbuild'),
	dir: string,
	entries: Array<{ in: string; out: string }>,
): Promise<void> {
	for (const entry of entries) {
		await esbuild.build({
			entryPoints: [path.join(root, entry.in)],
			outfile: path.join(dir, entry.out),
			bundle: true,
			platform: 'node',
			target: 'node20',
			format: 'cjs',
			external: ['n8n-workflow'],
			legalComments: 'eof',
			logLevel: 'error',
		});
	}
}

function copyAssets(from: string, to: string): void {
	for (const entry of readdirSync(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name);
		if (entry.isDirectory()) copyAssets(source, path.join(to, entry.name));
		else if (/\.(svg|png)$|\.node\.json$/.test(entry.name)) {
			mkdirSync(to, { recursive: true });
			cpSync(source, path.join(to, entry.name));
		}
	}
}

/** The node package as n8n sees it. */
export interface LoadedPackage {
	directory: string;
	nodeTypes: INodeTypes;
	nodeType: INodeType;
	loader: N8nCore.PackageDirectoryLoader;
	/** Removes the private build, if one was made. */
	dispose(): void;
}

export async function loadPackage(): Promise<LoadedPackage> {
	const given = process.env.SBO_NODE_PACKAGE_DIR;
	const directory = given ? path.resolve(given) : await buildPrivatePackage();
	if (!existsSync(path.join(directory, 'package.json'))) throw new Error(`no package.json in ${directory}`);
	const loader = new core.PackageDirectoryLoader(directory);
	try {
		await loader.loadAll();
	} catch (error) {
		if (!given) rmSync(directory, { recursive: true, force: true });
		throw error;
	}
	const nodeTypes: INodeTypes = {
		getByName(type: string): INodeType | IVersionedNodeType {
			return loader.getNode(shortName(type)).type;
		},
		getByNameAndVersion(type: string, version?: number): INodeType {
			return workflowLib.NodeHelpers.getVersionedNodeType(loader.getNode(shortName(type)).type, version);
		},
		getKnownTypes(): IDataObject {
			return loader.known.nodes as unknown as IDataObject;
		},
	};
	return {
		directory,
		nodeTypes,
		nodeType: nodeTypes.getByNameAndVersion(NODE_TYPE, 1),
		loader,
		dispose: () => {
			if (!given) rmSync(directory, { recursive: true, force: true });
		},
	};
}

function shortName(type: string): string {
	const prefix = 'n8n-nodes-sonnys-backoffice.';
	if (!type.startsWith(prefix)) throw new Error(`unknown node type ${type}`);
	return type.slice(prefix.length);
}

class TestCredentialsHelper implements ICredentialsHelper {
	constructor(private readonly credentials: ICredentialDataDecryptedObject) {}
	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(): Promise<never> {
		throw new Error('not used: the node logs in through the core client');
	}
	async preAuthentication(): Promise<undefined> {
		return undefined;
	}
	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}
	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.credentials };
	}
	async updateCredentials(): Promise<void> {}
	async updateCredentialsOauthTokenData(): Promise<void> {}
	getCredentialsProperties(): [] {
		return [];
	}
}

function additionalData(
	credentials: ICredentialDataDecryptedObject,
	hooks?: N8nCore.ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const data = {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		logAiEvent: async () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	};
	return data as unknown as IWorkflowExecuteAdditionalData;
}

type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

function makeNode(parameters: INodeParameters, onError: OnError, typeVersion = 1): INode {
	return {
		id: 'b3f6a1de-0000-4000-8000-000000000001',
		name: "Sonny's Backoffice",
		type: NODE_TYPE,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Backoffice (emulator)' } },
		...(onError !== 'stopWorkflow' ? { onError } : {}),
	};
}

export interface RunOptions {
	parameters: INodeParameters;
	/** Input items (their `json`); one empty item when omitted. */
	items?: Array<Record<string, unknown>>;
	credentials: ICredentialDataDecryptedObject;
	/** The node setting "On Error: Continue (regular output)". */
	continueOnFail?: boolean;
	/** The node setting "On Error" in full; wins over `continueOnFail`. */
	onError?: OnError;
	timezone?: string;
	/** The node's `typeVersion` (default 1, as the saved workflows of Milestone 1). */
	typeVersion?: number;
}

export interface RunResult {
	/** The node's output items (main output 0). */
	items: INodeExecutionData[];
	/** Main output 1: the error output under "On Error: Continue (using error output)". */
	errorItems: INodeExecutionData[];
	/** The node's error when the execution failed. */
	error?: N8nWorkflow.ExecutionBaseError;
	run: IRun;
}

/**
 * Runs one workflow whose only executed node is ours, with `items` as its input, through n8n-core's
 * `WorkflowExecute` (expressions, credentials, pairedItem, continue-on-fail as in the server).
 */
export async function runNode(pkg: LoadedPackage, options: RunOptions): Promise<RunResult> {
	const node = makeNode(
		options.parameters,
		options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow'),
		options.typeVersion,
	);
	const workflow = new workflowLib.Workflow({
		id: 'node-test',
		name: 'node test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: pkg.nodeTypes,
		settings: { timezone: options.timezone ?? 'America/Chicago', executionOrder: 'v1' },
	});
	const hooks = new core.ExecutionLifecycleHooks('manual', 'exec-1', {
		id: 'node-test',
		name: 'node test',
		nodes: [node],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: {},
	} as unknown as N8nWorkflow.IWorkflowBase);
	const done = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run: IRun) => resolve(run));
	});
	const input: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json: json as IDataObject }));
	const runExecutionData = workflowLib.createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
	});
	const data = additionalData(options.credentials, hooks);
	data.executionId = 'exec-1';
	const execute = new core.WorkflowExecute(data, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		errorItems: taskData?.data?.main?.[1] ?? [],
		error: run.data.resultData.error,
		run,
	};
}

/** Calls a loadOptions method the way the editor's `/rest/dynamic-node-parameters/options` does. */
export async function loadOptions(
	pkg: LoadedPackage,
	method: string,
	credentials: ICredentialDataDecryptedObject,
	parameters: INodeParameters = { resource: 'employee', operation: 'create' },
): Promise<INodePropertyOptions[]> {
	const node = makeNode(parameters, 'stopWorkflow');
	const workflow = new workflowLib.Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: pkg.nodeTypes,
	});
	const context = new core.LoadOptionsContext(workflow, node, additionalData(credentials), 'parameters');
	const fn = pkg.nodeType.methods?.loadOptions?.[method];
	if (!fn) throw new Error(`no loadOptions method ${method}`);
	return await fn.call(context);
}

/** Calls a listSearch method (a resource locator's "From List") the way the editor's `/rest/dynamic-node-parameters/resource-locator-results` does. */
export async function listSearch(
	pkg: LoadedPackage,
	method: string,
	credentials: ICredentialDataDecryptedObject,
	options: { filter?: string; paginationToken?: string; parameters?: INodeParameters; typeVersion?: number } = {},
): Promise<INodeListSearchResult> {
	const node = makeNode(options.parameters ?? { resource: 'employee', operation: 'get' }, 'stopWorkflow', options.typeVersion ?? 2);
	const workflow = new workflowLib.Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: pkg.nodeTypes });
	const context = new core.LoadOptionsContext(workflow, node, additionalData(credentials), 'parameters');
	const fn = pkg.nodeType.methods?.listSearch?.[method];
	if (!fn) throw new Error(`no listSearch method ${method}`);
	return await fn.call(context, options.filter, options.paginationToken);
}

/** Calls the credential's `testedBy` function the way n8n's credentials tester does. */
export async function testCredentials(
	pkg: LoadedPackage,
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const testedBy = pkg.nodeType.description.credentials?.find((c) => c.name === CREDENTIAL_TYPE)?.testedBy;
	if (typeof testedBy !== 'string') throw new Error('the node declares no testedBy function');
	const fn = pkg.nodeType.methods?.credentialTest?.[testedBy];
	if (!fn) throw new Error(`no credentialTest method ${testedBy}`);
	const decrypted: ICredentialsDecrypted = { id: '1', name: 'test', type: CREDENTIAL_TYPE, data: credentials };
	return await fn.call(new core.CredentialTestContext(), decrypted);
}

/** The node's subtitle on the canvas for these parameters, evaluated as the editor does. */
export function nodeSubtitle(pkg: LoadedPackage, parameters: INodeParameters): unknown {
	const node = makeNode(parameters, 'stopWorkflow');
	const workflow = new workflowLib.Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: pkg.nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, pkg.nodeType.description.subtitle, 'internal', {});
}

/** The description an AI agent gets for the node used as a tool with these parameters ("Set Automatically"); a new node is version 2. */
export function toolDescription(pkg: LoadedPackage, parameters: INodeParameters, typeVersion = 2): string {
	const node = makeNode({ ...parameters, descriptionType: 'auto' }, 'stopWorkflow', typeVersion);
	return workflowLib.NodeHelpers.getToolDescriptionForNode(node, pkg.nodeType);
}
