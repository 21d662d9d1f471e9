import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../src/models/api';
import { readInteger, readText } from './values';

/** One item's parameters, read by name; the field an error names is the parameter's own name. */
export interface ItemParameters {
	/** The raw value (an expression already resolved), `undefined` when the parameter is not set. */
	raw(name: string): unknown;
	/** A required text parameter, trimmed. */
	text(name: string): string;
	/** A required positive whole number. */
	integer(name: string): number;
	/** The "Additional Fields" collection. */
	additionalFields(): IDataObject;
}

export function itemParameters(fns: IExecuteFunctions, itemIndex: number): ItemParameters {
	const raw = (name: string): unknown => fns.getNodeParameter(name, itemIndex, undefined);
	return {
		raw,
		text: (name) => readText(raw(name), name, true)!,
		integer: (name) => readInteger(raw(name), name, true)!,
		additionalFields: () => fns.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
	};
}

/** The one output item of an item-per-item operation, paired with its input item. */
export function outputItem(json: object, itemIndex: number): INodeExecutionData[] {
	return [{ json: { ...json } as IDataObject, pairedItem: { item: itemIndex } }];
}

/** Site names, loaded only when needed (to keep a site name that contains a comma whole). */
export function siteNames(client: SonnysBackofficeClientApi): () => Promise<string[]> {
	return async () => (await client.listSites()).map((site) => site.name);
}
