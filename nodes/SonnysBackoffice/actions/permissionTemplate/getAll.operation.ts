import type { PermissionScope } from '../../../../src/models/api';
import { getManyOperation } from '../../helpers/getMany';

export const { description, execute } = getManyOperation(
	'permissionTemplate',
	async function (client, i) {
		const scope = this.getNodeParameter('scope', i) as PermissionScope;
		return await client.listPermissions({ scope });
	},
	[
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'pos',
			options: [
				{
					name: 'POS',
					value: 'pos',
					description:
						'Templates of what an employee may do at the point of sale (with granted and override permission IDs)',
				},
				{
					name: 'Backoffice',
					value: 'backoffice',
					description: 'Templates of what a Backoffice (web) user may do (with permission tokens)',
				},
			],
			description: 'Which kind of permission template to list',
		},
	],
);
