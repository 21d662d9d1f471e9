import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

type DisplayCondition = NonNullable<IDisplayOptions['show']>;

function mergeCondition(outer?: DisplayCondition, own?: DisplayCondition): DisplayCondition | undefined {
	if (!outer) return own;
	if (!own) return outer;
	const merged: DisplayCondition = { ...outer };
	for (const [key, values] of Object.entries(own)) {
		// A field's own condition on the same parameter narrows the outer one; both must hold, so keep the field's.
		merged[key] = values;
	}
	return merged;
}

/**
 * Adds the resource/operation `displayOptions` to every property of an operation while keeping each
 * property's own conditions. n8n's copies of this helper shallow-merge and silently drop a field's own
 * `show`/`hide`, which would show, say, the e-mail field when "Look Up By" is the POS user ID.
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const own = property.displayOptions ?? {};
		const show = mergeCondition(displayOptions.show, own.show);
		const hide = mergeCondition(displayOptions.hide, own.hide);
		return {
			...property,
			displayOptions: {
				...own,
				...(show ? { show } : {}),
				...(hide ? { hide } : {}),
			},
		};
	});
}

/** An operation's fields, each shown only for that resource and operation (and under its own conditions). */
export function operationProperties(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);
}

/**
 * Node versions (see `SonnysBackoffice.node.ts`): a field or operation selector of version 1 only, or of version 2
 * and later. Added to a property's own `show` (the deep merge above keeps both).
 */
export const ONLY_V1 = { '@version': [1] } satisfies DisplayCondition;
export const SINCE_V2 = { '@version': [{ _cnd: { gte: 2 } }] } satisfies DisplayCondition;
