import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

export class SonnysBackofficeApi implements ICredentialType {
	name = 'sonnysBackofficeApi';

	displayName = "Sonny's Backoffice API";

	icon: Icon = {
		light: 'file:sonnysBackoffice.svg',
		dark: 'file:sonnysBackoffice.dark.svg',
	};

	documentationUrl = 'https://example.invalid/n8n-nodes-sonnys-backoffice/docs/node.md#credential';

	// Backoffice has no API: the node logs in through the HTML form, so the credential is tested by the node
	// (`testedBy: 'sonnysBackofficeLoginTest'`), not by a declarative request.
	properties: INodeProperties[] = [
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'washu',
			description:
				'Your tenant\'s subdomain: the "washu" in https://washu.sonnyscontrols.com. Letters, digits and hyphens only.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'Backoffice user name of a dedicated bot account with Administrator permissions and access to all sites. Do not use a person\'s login.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Password of the bot account. A failed login is never retried, so the account is not locked out.',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://backoffice-proxy.example.com',
			description:
				'Leave empty to use https://&lt;subdomain&gt;.sonnyscontrols.com. Set it to reach Backoffice through a reverse proxy, or a local emulator for testing. Must be https unless the host is loopback (127.0.0.1, ::1, localhost).',
		},
	];
}
