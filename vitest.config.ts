import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 600_000,
		// Tests start their own emulator on port 0; files run in parallel workers on 2 cores.
		pool: 'forks',
	},
});
