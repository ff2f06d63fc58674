/**
 * Your own server (src/python): how long the interpreter takes to load in Node, and how many
 * system calls per second a program makes through the shims once it is loaded.
 * `npx tsx bench/python.ts` on its own, or as part of `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { loadPythonEngine } from '../src/python/engine.ts';
import { runPythonScenario } from '../src/scenarios/run.ts';
import type { Scenario } from '../src/scenarios/format.ts';

const scenario = (source: string, untilMs = 60_000): Scenario => ({
  format: 'iolab/scenario@1',
  id: 'bench-python',
  title: { en: 'bench', zh: '基准' },
  seed: 1,
  model: 'python',
  program: { language: 'python', source },
  clients: [{ name: 'ann', actions: [{ at: 0, do: 'connect' }] }],
  untilMs,
});

/** 10,000 system calls: accept() on a non-blocking socket with nobody waiting, each an EAGAIN and a BlockingIOError. */
const TEN_THOUSAND = `import socket
server = socket.socket()
server.bind(('127.0.0.1', 8080))
server.listen(5)
server.setblocking(False)
conn, addr = None, None
for i in range(9_996):
    try:
        server.accept()
    except BlockingIOError:
        pass
`;

export interface PythonBench {
  loadMs: number;
  tenThousandCalls: number;
  firstRunMs: number;
  runMs: number;
  callsPerSec: number;
  firstCalls: number;
}

export async function pythonBench(): Promise<PythonBench> {
  const t0 = performance.now();
  await loadPythonEngine();
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  const first = await runPythonScenario(scenario(TEN_THOUSAND));
  const firstMs = performance.now() - t1;
  const t2 = performance.now();
  const again = await runPythonScenario(scenario(TEN_THOUSAND));
  const againMs = performance.now() - t2;
  const calls = Object.values(again.syscalls).reduce((n, s) => n + s.count, 0);
  return {
    loadMs: Math.round(loadMs),
    tenThousandCalls: calls,
    firstRunMs: Math.round(firstMs),
    runMs: Math.round(againMs),
    callsPerSec: Math.round(calls / (againMs / 1000)),
    firstCalls: first.python.calls,
  };
}

if (process.argv[1]?.endsWith('python.ts')) {
  const r = await pythonBench();
  console.log(`interpreter load (Node): ${r.loadMs} ms`);
  console.log(
    `a ${r.tenThousandCalls}-call program after load: ${r.runMs} ms (first run ${r.firstRunMs} ms): ${r.callsPerSec} system calls per second through the shims`,
  );
}
