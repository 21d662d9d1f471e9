/**
 * A copy of `err` whose message (and first stack line) starts with `prefix`: same class, code and fields, so
 * callers still switch on them. The original is left untouched: it may be shared (a remembered login failure).
 * Values that are not errors, and messages that already carry the context, are returned as they are.
 */
export function withMessagePrefix<T>(err: T, prefix: string, unlessIncludes?: string): T {
	if (!(err instanceof Error)) return err;
	if (unlessIncludes !== undefined && err.message.includes(unlessIncludes)) return err;
	const copy = Object.create(Object.getPrototypeOf(err), Object.getOwnPropertyDescriptors(err)) as Error;
	const message = prefix + err.message;
	const stack = err.stack ?? '';
	const frames = stack.indexOf('\n    at ');
	Object.defineProperty(copy, 'message', { value: message, writable: true, configurable: true, enumerable: false });
	Object.defineProperty(copy, 'stack', {
		value: `${copy.name}: ${message}${frames >= 0 ? stack.slice(frames) : ''}`,
		writable: true,
		configurable: true,
		enumerable: false,
	});
	return copy as T;
}
