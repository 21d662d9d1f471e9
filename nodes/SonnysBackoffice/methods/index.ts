export * as credentialTest from './credentialTest';
export * as loadOptions from './loadOptions';
export * as triggerLoadOptions from './triggerLoadOptions';
