/**
 * Fault-matrix rows of the change surface (./fault-scenarios.ts holds the creates and disables): updateEmployee
 * (one profile field, a wage, a template, all three phases in one call), reactivateEmployee with changes, and
 * updateBackofficeUserAccess. A wage record insert is not idempotent: more than one new record is a duplicate.
 */
import { boAccess, countOf, currentWage, FEWER_DOUBLE_FAULTS, holdsPosTemplate, siteIds, truthfulPhases, unknownOr, type WriteScenario } from './fault-scenario-checks';
import type { Emu } from './helpers';

/** Avery Alder: active, POS user ID 1001, two wage records, one POS grant. */
const AVERY = 100;
const AVERY_WAGES = 2;
/** Elliot Elmsworth: inactive, POS user ID 1029, two wage records. */
const ELLIOT = 112;
const ELLIOT_WAGES = 2;

const lastName = (emu: Emu) => emu.state.getEmployee(AVERY)!.lastName === 'Faultmatrix';
const wage = (employeeId: number, rate: string) => (emu: Emu) => currentWage(emu, employeeId) === rate;
const cashier = (emu: Emu) => holdsPosTemplate(emu, AVERY, 'Cashier');

/** Undefined when every phase holds, else the first that does not. */
const allOf = (holds: Record<string, (emu: Emu) => boolean>) => (emu: Emu) => {
	const missing = Object.keys(holds).find((p) => !holds[p](emu));
	return missing === undefined ? undefined : `phase ${missing} does not hold`;
};

const wageDuplicates = (employeeId: number, initial: number) => (emu: Emu) =>
	countOf(emu.state.getEmployee(employeeId)!.wages.length - initial, 'wage records added');

function updateRow(name: string, changes: Record<string, unknown>, holds: Record<string, (emu: Emu) => boolean>): WriteScenario {
	return {
		name: `updateEmployee: ${name}`,
		run: (c) => c.updateEmployee({ posUserId: 1001, changes }),
		applied: allOf(holds),
		truthful: truthfulPhases(holds),
		duplicates: wageDuplicates(AVERY, AVERY_WAGES),
		doubleFaults: FEWER_DOUBLE_FAULTS,
	};
}

const reactivated = (emu: Emu) => {
	const e = emu.state.getEmployee(ELLIOT)!;
	return e.isActive && JSON.stringify(e.siteIds) === JSON.stringify(siteIds(emu, ['Wash 37135']));
};

/** In this order so that the shard files (row index modulo 4) take similar times. */
export const CHANGE_SCENARIOS: WriteScenario[] = [
	updateRow('a profile field', { lastName: 'Faultmatrix' }, { properties: lastName }),
	updateRow('a wage', { wageRate: '16.25' }, { compensation: wage(AVERY, '16.25') }),
	updateRow(
		'all three phases',
		{ lastName: 'Faultmatrix', wageRate: '16.25', permission: 'Cashier' },
		{ properties: lastName, compensation: wage(AVERY, '16.25'), permission: cashier },
	),
	updateRow('a template', { permission: 'Cashier' }, { permission: cashier }),
	{
		name: 'reactivateEmployee with a wage and sites',
		run: (c) => c.reactivateEmployee({ posUserId: 1029, changes: { wageRate: '17.00', availableSites: ['Wash 37135'] } }),
		applied: allOf({ properties: reactivated, compensation: wage(ELLIOT, '17.00') }),
		truthful: truthfulPhases({ properties: reactivated, compensation: wage(ELLIOT, '17.00') }),
		duplicates: wageDuplicates(ELLIOT, ELLIOT_WAGES),
		doubleFaults: FEWER_DOUBLE_FAULTS,
	},
	{
		name: 'updateBackofficeUserAccess: template and sites',
		run: (c) => c.updateBackofficeUserAccess({ username: 'caseycedar', permission: 'Manager', availableSites: ['WashU Niles', 'Wash 37135'] }),
		applied: (emu) => boAccess(emu, 'caseycedar', 'Manager', ['WashU Niles', 'Wash 37135']),
		truthful: unknownOr(/was accepted|applied/),
		duplicates: () => undefined,
		doubleFaults: FEWER_DOUBLE_FAULTS,
	},
];
