/**
 * In-process polls of the trigger node, the way n8n runs them: scheduled and activation polls through n8n-core's
 * `PollTriggerExecutor` (a result is emitted, an error goes to `__emitError` and stops nothing, the activation poll
 * throws), "Fetch Test Event" through a manual `PollContext` as `WorkflowExecute.executePollNode` does. The workflow's
 * static data lives in a store that survives polls as JSON, as n8n saves it with the workflow.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData, INodeParameters, IPollFunctions } from 'n8n-workflow';

import { additionalData, CREDENTIAL_TYPE, core, workflowLib, type LoadedPackage } from './harness';

export const TRIGGER_TYPE = 'n8n-nodes-sonnys-backoffice.sonnysBackofficeTrigger';
export const TRIGGER_NAME = "Sonny's Backoffice Trigger";

/** What one poll did. */
export interface PollOutcome {
	/** Items handed to n8n to start an execution (null when the poll emitted nothing). */
	emitted: INodeExecutionData[] | null;
	/** The error n8n recorded (trigger mode) or the error thrown (activation, manual). */
	error?: Error & { description?: string | null };
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const logger = { ...quiet, scoped: () => logger };
const span = { setStatus() {}, setAttributes() {} };
const tracing = {
	startSpan: async (_o: unknown, fn: (s: typeof span) => unknown) => await fn(span),
	startNewTraceSpan: async (_o: unknown, fn: (s: typeof span) => unknown) => await fn(span),
	pickWorkflowAttributes: () => ({}),
	pickNodeAttributes: () => ({}),
};

/** A trigger node of one workflow whose static data survives polls (as JSON, like n8n's database column). */
export class TriggerBed {
	/** The workflow's static data as n8n would save it after the last poll. */
	staticData: IDataObject = {};

	constructor(
		private readonly pkg: LoadedPackage,
		public parameters: INodeParameters,
		public credentials: ICredentialDataDecryptedObject,
	) {}

	private node(): INode {
		return {
			id: 'b3f6a1de-0000-4000-8000-0000000000t1',
			name: TRIGGER_NAME,
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...this.parameters },
			credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Backoffice (emulator)' } },
		};
	}

	private workflow(node: INode) {
		return new workflowLib.Workflow({
			id: 'trigger-test',
			name: 'trigger test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: this.pkg.nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.staticData)) as IDataObject,
			settings: { timezone: 'America/Chicago', executionOrder: 'v1' },
		});
	}

	private save(workflow: { staticData: IDataObject }): void {
		const { __dataChanged: _, ...data } = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		this.staticData = data;
	}

	/** The static data the node keeps (under n8n's `node:<name>` key). */
	get nodeState(): IDataObject {
		return (this.staticData[`node:${TRIGGER_NAME}`] ?? {}) as IDataObject;
	}

	/**
	 * One poll in trigger mode through n8n-core's executor: `activation` is the poll n8n runs when the workflow is
	 * activated (its error fails the activation), otherwise a scheduled poll (its error is recorded, nothing stops).
	 */
	async poll(options: { activation?: boolean } = {}): Promise<PollOutcome> {
		const node = this.node();
		const workflow = this.workflow(node);
		const outcome: PollOutcome = { emitted: null };
		const pollFunctions = new core.PollContext(
			workflow,
			node,
			additionalData(this.credentials),
			'trigger',
			'activate',
			(data: INodeExecutionData[][]) => {
				outcome.emitted = data[0] ?? [];
			},
			(error: Error) => {
				outcome.error = error;
			},
		);
		const executor = new core.PollTriggerExecutor(
			logger as never,
			new core.TriggersAndPollers(),
			tracing as never,
			{ error() {} } as never,
		);
		try {
			await executor.create(workflow, node, pollFunctions, () => true)(options.activation === true);
		} catch (error) {
			outcome.error = error as Error;
		}
		this.save(workflow);
		return outcome;
	}

	/** "Fetch Test Event": the node's poll in manual mode (static data is not saved by manual runs). */
	async fetchTestEvent(): Promise<PollOutcome> {
		const node = this.node();
		const workflow = this.workflow(node);
		const context = new core.PollContext(workflow, node, additionalData(this.credentials), 'manual', 'manual');
		const type = this.pkg.nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1);
		try {
			const data = await type.poll!.call(context as unknown as IPollFunctions);
			return { emitted: data?.[0] ?? null };
		} catch (error) {
			return { emitted: null, error: error as Error };
		}
	}
}
