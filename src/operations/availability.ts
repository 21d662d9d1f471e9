import type { EmailAvailabilityInput, PhoneAvailabilityInput, PosUserIdAvailabilityInput } from '../models/api';
import {
	validateAvailabilityEmail,
	validateAvailabilityPhone,
	validateAvailabilityPosUserId,
} from '../models/schemas';
import type { OperationContext } from './context';
import { findByPosUserId } from './employee-lookup';

/**
 * True when no employee, active or not, holds the POS user ID. Always live (one targeted roster
 * search): a POS id is the key of a hire, so a cache must not answer it (reference v0.7.1).
 */
export async function isPosUserIdAvailable(ctx: OperationContext, input: PosUserIdAvailabilityInput): Promise<boolean> {
	const v = validateAvailabilityPosUserId(input);
	return (await findByPosUserId(ctx, v.posUserId)) === undefined;
}

/** True when no employee uses the e-mail (case-insensitive), from the cached `/user/create` map. */
export async function isEmailAvailable(ctx: OperationContext, input: EmailAvailabilityInput): Promise<boolean> {
	const v = validateAvailabilityEmail(input);
	await ctx.caches.index.loadEmails(ctx.session, v.refresh);
	return ctx.caches.index.byEmail(v.email) === undefined;
}

/** True when no employee uses the phone (compared as digits), from the cached full roster. */
export async function isPhoneAvailable(ctx: OperationContext, input: PhoneAvailabilityInput): Promise<boolean> {
	const v = validateAvailabilityPhone(input);
	await ctx.caches.index.loadRoster(ctx.session, v.refresh);
	return ctx.caches.index.byPhone(v.phone) === undefined;
}
