import flatTenant from '../../fixtures/tenants/flat.json';
import washuTenant from '../../fixtures/tenants/washu.json';
import type { EmployeeRecord, SiteData, TenantData } from './types';

/** Default hierarchical tenant mirroring the WashU captures, plus synthetic employees and Backoffice users. */
export function washu(): TenantData {
	return structuredClone(washuTenant as unknown as TenantData);
}

/** Flat tenant (no regions/districts). ASSUMPTION (E.4): never observed; field names are upstream's guess. */
export function flat(): TenantData {
	return structuredClone(flatTenant as unknown as TenantData);
}

export interface LargeTenantOptions {
	employees?: number;
	sites?: number;
	/** Sites per district (default 6); districts per region (default 3). */
	sitesPerDistrict?: number;
	districtsPerRegion?: number;
	seed?: number;
}

const FIRST = ['Avery', 'Blake', 'Casey', 'Dana', 'Elliot', 'Finley', 'Gray', 'Harper', 'Indigo', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Noel', 'Oakley', 'Parker', 'Quinn', 'Reese', 'Rowan', 'Sage', 'Skyler', 'Tatum', 'Wren', 'Zion'];
const LAST = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Fernwood', 'Hawthorn', 'Juniper', 'Kestrel', 'Larkspur', 'Maple', 'Nettle', 'Oakhurst', 'Pinecrest', 'Quill', 'Redfern', 'Sorrel', 'Thistle', 'Willow', 'Yarrow', 'Zephyr'];

/**
 * A deterministic large hierarchical tenant for performance work (e.g. 5,000 employees, 60 sites), reusing the
 * WashU permission schema, templates, departments and Backoffice tokens. Synthetic data only.
 */
export function large(options: LargeTenantOptions = {}): TenantData {
	const base = washu();
	const nSites = options.sites ?? 60;
	const nEmployees = options.employees ?? 5000;
	const perDistrict = options.sitesPerDistrict ?? 6;
	const perRegion = options.districtsPerRegion ?? 3;
	let seed = (options.seed ?? 7) >>> 0;
	const rand = () => {
		seed = (seed * 1664525 + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	const sites: SiteData[] = [];
	const districts: TenantData['districts'] = [];
	const regions: TenantData['regions'] = [];
	for (let i = 0; i < nSites; i++) {
		const districtId = Math.floor(i / perDistrict) + 1;
		if (!districts.some((d) => d.id === districtId)) {
			const regionId = Math.floor((districtId - 1) / perRegion) + 1;
			if (!regions.some((r) => r.id === regionId)) regions.push({ id: regionId, name: `Region ${regionId}` });
			districts.push({ id: districtId, name: `District ${districtId}`, regionId });
		}
		sites.push({ id: i + 1, name: `Large Wash ${String(i + 1).padStart(3, '0')}`, shortCode: `LW${String(i + 1).padStart(3, '0')}`, districtId });
	}
	const templates = base.posTemplates;
	const employees: EmployeeRecord[] = [];
	for (let i = 0; i < nEmployees; i++) {
		const first = FIRST[i % FIRST.length];
		const last = `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? Math.floor(i / (FIRST.length * LAST.length)) : ''}`;
		const home = 1 + Math.floor(rand() * nSites);
		const siteIds = rand() < 0.1 ? sites.map((s) => s.id) : [...new Set([home, 1 + ((home + 1) % nSites)])].sort((a, b) => a - b);
		const tpl = templates[Math.floor(rand() * templates.length)];
		const y = 2018 + (i % 8);
		const start = `${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + (i % 28)).padStart(2, '0')}/${y}`;
		const rate = `${12 + (i % 10)}.${String((i * 25) % 100).padStart(2, '0')}`;
		employees.push({
			id: 10_000 + i,
			credentialId: 20_000 + i,
			posUserId: 100_000 + i,
			pin: String(10000 + Math.floor(rand() * 90000)),
			firstName: first,
			lastName: last,
			phone: `(555) ${String(100 + Math.floor(i / 10000)).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`,
			email: `${first.toLowerCase()}.${last.toLowerCase()}.${i}@example.invalid`,
			departmentIds: [3],
			startDate: start,
			isActive: i % 10 !== 9,
			siteIds,
			posGrants: [...tpl.grants],
			posOverrides: [...tpl.overrides],
			hasActionApprovalAuthority: tpl.grants.includes(1) && tpl.overrides.length === 0,
			wages: [{ isHourly: true, regularRate: rate, overtimeEligible: true, overtimeRate: null, effectiveDate: start, endDate: null, siteId: siteIds[0] }],
			adpEmployeeId: '',
			emergencyContactName: '',
			emergencyContactPhone: '',
		});
	}
	const all = sites.map((s) => s.id);
	return {
		...base,
		name: 'large',
		companyName: 'Large Wash Co',
		regions,
		districts,
		sites,
		employees,
		users: base.users.filter((u) => u.employeeId === null).map((u) => ({ ...u, siteIds: all })),
		nextEmployeeId: 10_000 + nEmployees,
		nextCredentialId: 20_000 + nEmployees,
		nextUserId: 5_000_000,
	};
}
