/**
 * Runs `task` for items 0..count-1, at most `concurrency` at a time, started in input order; the results come back
 * in input order. A task that throws stops the pool as a sequential loop would stop at that item: no further item
 * starts, the ones already running finish (a write in flight is never abandoned), and the error of the first
 * failing item in input order is thrown. At concurrency 1 this is exactly a `for` loop.
 */
export async function runItemPool<T>(count: number, concurrency: number, task: (itemIndex: number) => Promise<T>): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	const state: { failure?: { itemIndex: number; error: unknown } } = {};
	const worker = async () => {
		while (state.failure === undefined && next < count) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await task(itemIndex);
			} catch (error) {
				// An item started before the first failure may fail later; a lower index is the one a loop would report.
				const first = state.failure as { itemIndex: number } | undefined;
				if (first === undefined || itemIndex < first.itemIndex) state.failure = { itemIndex, error };
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(concurrency), count));
	await Promise.all(Array.from({ length: workers }, worker));
	if (state.failure !== undefined) throw state.failure.error;
	return results;
}
