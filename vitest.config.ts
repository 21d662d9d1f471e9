import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		pool: 'forks',
		// Every test worker refuses TCP connections to anything but loopback (test/setup/loopback-only.ts).
		setupFiles: ['test/setup/loopback-only.ts'],
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['test/**/*.test.ts'],
					exclude: [...configDefaults.exclude, 'test/e2e/**'],
					testTimeout: 30_000,
					hookTimeout: 600_000,
					// Tests start their own emulator on port 0; files run in parallel workers on 2 cores.
					sequence: { groupOrder: 0 },
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					// One real n8n server (started once by the global setup) is shared by every e2e file, and each
					// file owns the emulator on the port n8n's credential points at: files must run one at a time.
					fileParallelism: false,
					globalSetup: ['test/e2e/global-setup.ts'],
					testTimeout: 180_000,
					hookTimeout: 600_000,
					// After every other project when the whole suite runs in one `vitest run`.
					sequence: { groupOrder: 1 },
				},
			},
		],
	},
});
