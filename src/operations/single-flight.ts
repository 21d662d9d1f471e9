/** Concurrent callers of one load share a single request: the second caller gets the first one's promise. */
export class SingleFlight {
	private readonly pending = new Map<string, Promise<unknown>>();

	/** Runs `load` unless a load under `key` is already under way, whose promise is returned instead. */
	run<T>(key: string, load: () => Promise<T>): Promise<T> {
		const current = this.pending.get(key) as Promise<T> | undefined;
		if (current) return current;
		const p = load().finally(() => this.pending.delete(key));
		this.pending.set(key, p);
		return p;
	}
}
