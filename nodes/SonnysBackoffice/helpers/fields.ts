import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Builders for the parameters that several operations share. Each operation still lists its fields in its own
 * file; only the type, default, limits and placeholder of a kind of field live here, so that, say, every
 * POS user ID field takes the same values.
 */

/** What a shared field may change: its description (always), and where it applies. */
interface FieldOptions {
	description: string;
	displayOptions?: IDisplayOptions;
}

interface NamedFieldOptions extends FieldOptions {
	name?: string;
	displayName?: string;
}

/**
 * A field of one kind (`kind`: its default name and title, type, default, limits, placeholder) as an operation
 * names, places and describes it. A picker's kind carries the description itself (the operation's, completed).
 */
function field(kind: INodeProperties, options: NamedFieldOptions): INodeProperties {
	const { description = options.description, ...rest } = kind;
	return {
		...rest,
		displayName: options.displayName ?? kind.displayName,
		name: options.name ?? kind.name,
		...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
		description,
	};
}

/** n8n's collections of optional parameters, by their parameter name: the title and the label of the "Add" button. */
const COLLECTIONS = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
} as const;

/**
 * A collection of optional parameters (empty by default) of one of the kinds above. Its items must be sorted by
 * display name: n8n's lint rule cannot see them here, a node test checks them on the loaded description.
 */
export function collection(
	name: keyof typeof COLLECTIONS,
	options: INodeProperties[],
	extra: Pick<INodeProperties, 'description' | 'displayOptions'> = {},
): INodeProperties {
	const { displayName, placeholder } = COLLECTIONS[name];
	return { displayName, name, type: 'collection', placeholder, default: {}, ...extra, options };
}

/** The "Operation" selector of one resource (of some node versions only, when `versions` is given). */
export function operationSelector(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation = options[0].value as string,
	versions: NonNullable<IDisplayOptions['show']> = {},
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource], ...versions } },
		options,
		default: defaultOperation,
	};
}

/**
 * A selector that decides which of the following fields are shown and required (Look Up By, Check, Link To).
 * It is fixed per node, not per item, so it takes no expression.
 */
export function modeSelector(
	field: { name: string; displayName: string; description: string },
	options: INodePropertyOptions[],
	defaultMode: string,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'options',
		noDataExpression: true,
		default: defaultMode,
		options,
		description: field.description,
	};
}

/** A required POS user ID: a positive whole number. */
export function posUserIdField(options: NamedFieldOptions): INodeProperties {
	return field(
		{
			displayName: 'POS User ID',
			name: 'posUserId',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 1, numberPrecision: 0 },
		},
		options,
	);
}

/** A required e-mail address. */
export function emailField(options: NamedFieldOptions): INodeProperties {
	return field(
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '' },
		options,
	);
}

/** A required phone number (US, without country code). */
export function phoneField(options: FieldOptions): INodeProperties {
	return field(
		{ displayName: 'Phone', name: 'phone', type: 'string', required: true, default: '', placeholder: '(615) 555-1234' },
		options,
	);
}

/** A required text field such as a first or last name. */
export function requiredTextField(name: string, displayName: string, options: FieldOptions): INodeProperties {
	return field({ displayName, name, type: 'string', required: true, default: '' }, options);
}

/**
 * A password for a new Backoffice login; empty means "generate one". Never shown in clear. The hint under the
 * field repeats what the description (shown only on hover) says: a generated password is shown once.
 */
export function newPasswordField(name: string, displayName: string, options: FieldOptions): INodeProperties {
	return field(
		{
			displayName,
			name,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			hint: 'Empty: a strong password is generated and returned in the output only, because Backoffice never shows it again',
		},
		options,
	);
}

/**
 * Sites picker: "All Sites" or site names (loadOptions `getSites`); the value of a site is its name. The
 * description (given without its final period) is followed by n8n's standard sentence for pickers.
 */
export function sitesField(options: NamedFieldOptions & { required: boolean }): INodeProperties {
	return field(
		{
			displayName: 'Site Names or IDs',
			name: 'availableSites',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getSites' },
			...(options.required ? { required: true } : {}),
			default: [],
			description: `${options.description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
		options,
	);
}

/**
 * A permission template picker of one scope (required unless `required: false`); the value of a template is its
 * name. The description (given without its final period) is followed by n8n's standard sentence for pickers.
 */
export function permissionTemplateField(
	scope: 'pos' | 'backoffice',
	options: NamedFieldOptions & { required?: boolean },
): INodeProperties {
	return field(
		{
			displayName: 'Permission Template Name or ID',
			name: 'permission',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: scope === 'pos' ? 'getPosPermissionTemplates' : 'getBackofficePermissionTemplates',
			},
			...(options.required === false ? {} : { required: true }),
			default: '',
			description: `${options.description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
		options,
	);
}
