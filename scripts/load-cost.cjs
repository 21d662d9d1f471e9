// What loading the built node and credential files costs a process that already has n8n-workflow loaded (as n8n
// does at every start to read their descriptions). Prints one JSON line; used by test/node/load-cost.test.ts and
// by the bench. Run with --expose-gc so that the heap is measured after full collections:
//
//   node --expose-gc scripts/load-cost.cjs [repository root]
//
// Heap = V8 heap used + external memory, each after two full GCs: what the loaded files keep alive. RSS is printed
// too, but it also counts code pages and whatever the allocator has not handed back, so it is noisy.
'use strict';
const path = require('node:path');

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const files = ['dist/nodes/SonnysBackoffice/SonnysBackoffice.node.js', 'dist/credentials/SonnysBackofficeApi.credentials.js'].map((f) =>
	path.join(root, f),
);

function settle() {
	if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
	global.gc();
	global.gc();
	const m = process.memoryUsage();
	return { heap: m.heapUsed + m.external, rss: m.rss };
}

require(require.resolve('n8n-workflow', { paths: [root] }));
const before = settle();
const t0 = process.hrtime.bigint();
const loaded = files.map((f) => require(f));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
// The description is what n8n reads: build it, as n8n does, inside the measurement.
const node = new loaded[0].SonnysBackoffice();
const credential = new loaded[1].SonnysBackofficeApi();
const after = settle();
const mb = (n) => Math.round((n / 2 ** 20) * 1000) / 1000;
const heavy = Object.keys(require.cache).filter((f) => f.startsWith(path.join(root, 'dist')) && !files.includes(f)).map((f) => path.relative(root, f));
process.stdout.write(
	JSON.stringify({
		ms: Math.round(ms * 100) / 100,
		heapMB: mb(after.heap - before.heap),
		rssMB: mb(after.rss - before.rss),
		properties: node.description.properties.length,
		credential: credential.name,
		alsoLoaded: heavy,
	}) + '\n',
);
