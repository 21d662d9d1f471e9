/**
 * THE WRITE SCENARIOS OF THE FAULT MATRIX (test/contract/fault-matrix.ts).
 *
 * One row per write the client has. To cover a new write (updateEmployee, reactivateEmployee,
 * updateBackofficeUserAccess, createBackofficeUser with access, upsert, ...) ADD A ROW HERE; the matrix then runs it
 * once to learn its request sequence and again with every fault kind at every request index.
 *
 * A row says how to prepare a client (`setup`: warm caches; requests made there are never faulted), what to run, and
 * how to judge the emulator's state afterwards:
 * - `applied(emu)`: undefined when the write is complete and correct, else what is wrong (a success must pass it);
 * - `truthful(err, emu)`: for an error after the state changed, whether the error says so (which record was
 *   created or changed, or that the outcome is unknown);
 * - `duplicates(emu)`: undefined, or what was written twice.
 * "Unchanged" (the safe outcome of an error) is judged by the runner: employees and users equal to a fresh tenant.
 */
import type { CreateEmployeeInput } from '../../src/models/api';
import { boAccess, countOf, FEWER_DOUBLE_FAULTS, unknownOr, type WriteScenario } from './fault-scenario-checks';
import { CHANGE_SCENARIOS } from './fault-scenarios-changes';
import type { Emu } from './helpers';

export type { WriteScenario } from './fault-scenario-checks';

/** A fixed hire (every run starts from a fresh tenant, so fixed values are unique). */
const HIRE: CreateEmployeeInput = {
	firstName: 'Fault',
	lastName: 'Matrix',
	phone: '6155550777',
	email: 'fault.matrix@example.invalid',
	posUserId: 88001,
	wageRate: '15.50',
	startDate: '2026-05-01',
	availableSites: ['Wash 37135'],
	permission: 'General User',
};

function hireState(emu: Emu, withUser: boolean): string | undefined {
	const e = emu.state.employees.find((x) => x.posUserId === HIRE.posUserId);
	if (!e) return 'the employee does not exist';
	const template = emu.state.tenant.posTemplates.find((t) => t.name === HIRE.permission)!;
	if (JSON.stringify([...e.posGrants].sort()) !== JSON.stringify([...template.grants].sort())) return `grants ${e.posGrants.join(',')}`;
	if (!e.isActive) return 'the employee is inactive';
	if (withUser && !emu.state.users.some((u) => u.username === 'faultmatrix' && u.employeeId === e.id)) return 'no linked user';
	return undefined;
}

const createDuplicates = (emu: Emu) =>
	countOf(emu.state.employees.filter((e) => e.lastName === HIRE.lastName).length, 'employees created') ??
	countOf(emu.state.users.filter((u) => u.username === 'faultmatrix').length, 'users created');

function disabled(emu: Emu): string | undefined {
	return emu.state.getEmployee(100)!.isActive ? 'employee 100 is still active' : undefined;
}

function boUser(username: string, linkedTo: number | null) {
	return (emu: Emu): string | undefined => {
		const u = emu.state.users.find((x) => x.username === username);
		if (!u) return 'the user does not exist';
		return u.employeeId === linkedTo ? undefined : `linked to ${u.employeeId}`;
	};
}

export const WRITE_SCENARIOS: WriteScenario[] = [
	{
		name: 'createEmployee (cold client)',
		run: (c) => c.createEmployee(HIRE),
		applied: (emu) => hireState(emu, false),
		truthful: unknownOr(/employee \d+ (\(POS user ID 88001\) )?was created|exists/),
		duplicates: createDuplicates,
	},
	{
		name: 'createEmployee with a linked Backoffice user (warm client)',
		setup: async (c) => {
			await c.listSites();
			await c.isEmailAvailable({ email: 'warm@example.invalid' });
			await c.isPhoneAvailable({ phone: '6155550000' });
			await c.listPermissions({ scope: 'pos' });
		},
		run: (c) => c.createEmployee({ ...HIRE, requiresBackoffice: true, backofficeUsername: 'faultmatrix' }),
		applied: (emu) => hireState(emu, true),
		truthful: unknownOr(/employee \d+ (\(POS user ID 88001\) )?was created|exists/),
		duplicates: createDuplicates,
	},
	{
		name: 'disableEmployee by POS user ID',
		run: (c) => c.disableEmployee({ posUserId: 1001 }),
		applied: disabled,
		truthful: unknownOr(/inactive|disabl\w+ employee 100 was accepted/),
		duplicates: () => undefined,
	},
	{
		name: 'disableEmployee by e-mail',
		run: (c, emu) => c.disableEmployee({ email: emu.state.getEmployee(100)!.email }),
		applied: disabled,
		truthful: unknownOr(/inactive|disabl\w+ employee 100 was accepted/),
		duplicates: () => undefined,
	},
	{
		name: 'createBackofficeUser linked to an employee',
		run: (c) => c.createBackofficeUser({ username: 'faultlinked', email: 'fault.linked@example.invalid', permission: 'General User', linkToEmployeePosUserId: 1001 }),
		applied: boUser('faultlinked', 100),
		truthful: unknownOr(/user \d+ exists|was created/),
		duplicates: (emu) => countOf(emu.state.users.filter((u) => u.username === 'faultlinked').length, 'users created'),
	},
	{
		name: 'createBackofficeUser standalone',
		run: (c) =>
			c.createBackofficeUser({ username: 'faultalone', email: 'fault.alone@example.invalid', permission: 'General User', firstName: 'Fault', lastName: 'Alone' }),
		applied: boUser('faultalone', null),
		truthful: unknownOr(/user \d+ exists|was created/),
		duplicates: (emu) => countOf(emu.state.users.filter((u) => u.username === 'faultalone').length, 'users created'),
	},
	{
		name: 'createBackofficeUser with access (template and some sites)',
		run: (c) =>
			c.createBackofficeUser({
				username: 'faultaccess',
				email: 'fault.access@example.invalid',
				permission: 'Manager',
				firstName: 'Fault',
				lastName: 'Access',
				availableSites: ['WashU Niles', 'Wash 37135'],
			}),
		applied: (emu) => boAccess(emu, 'faultaccess', 'Manager', ['WashU Niles', 'Wash 37135']),
		truthful: unknownOr(/user \d+ exists|was created/),
		duplicates: (emu) => countOf(emu.state.users.filter((u) => u.username === 'faultaccess').length, 'users created'),
		doubleFaults: FEWER_DOUBLE_FAULTS,
	},
	{
		name: 'createEmployee with a Backoffice user, its template and sites (cold client)',
		run: (c) =>
			c.createEmployee({
				...HIRE,
				availableSites: ['Wash 37135', 'Wash 37055'],
				requiresBackoffice: true,
				backofficeUsername: 'faultmatrix',
				backofficePermission: 'Manager',
				backofficeSites: ['Wash 37055'],
			}),
		applied: (emu) => hireState(emu, true) ?? boAccess(emu, 'faultmatrix', 'Manager', ['Wash 37055']),
		truthful: unknownOr(/employee \d+ (\(POS user ID 88001\) )?was created|exists/),
		duplicates: createDuplicates,
		doubleFaults: FEWER_DOUBLE_FAULTS,
	},
	...CHANGE_SCENARIOS,
];
