/**
 * Where the main thread's time goes while a big scenario opens (the companion of open-tasks.ts):
 * a CPU profile (Chrome DevTools Protocol) of the page from the open until the lab shows, then
 * the functions with the most self time and the longest tasks' top frames. Readable names need an
 * unminified build: `npx vite build --minify false` first (then build again before benchmarking).
 * `IOLAB_BENCH_PORT=4808 IOLAB_BENCH_ONLY=10,000 node --import tsx bench/open-profile.ts`
 */
import { withPreviewSite } from './preview.ts';
import { chooseStagedFile, epollClients, stageFile } from './open-tasks.ts';

const PORT = Number(process.env.IOLAB_BENCH_PORT ?? 4398);
const n = Number((process.env.IOLAB_BENCH_ONLY ?? '10,000').replace(/,/g, '')) || 10_000;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

await withPreviewSite(PORT, async ({ base, longTaskPage }) => {
  const page = await longTaskPage();
  // Each worker message the page takes longer than 20 ms over: its type and what it carried.
  await page.addInitScript(`window.__msgs = []; const d = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
    Object.defineProperty(Worker.prototype, 'onmessage', { set(f) { d.set.call(this, (e) => { const t0 = performance.now(); const m = e.data; const t1 = performance.now(); f(e); const t2 = performance.now();
      if (t2 - t0 > 20) window.__msgs.push([m.type, Math.round(t1 - t0), Math.round(t2 - t1), m.type === 'part' ? (m.part.length ?? 0) : Object.keys(m.result ?? {}).join(' ')]); }); }, get() { return d.get.call(this); } });`);
  await page.goto(`${base}#/blocking-two-clients?lang=en`);
  await page.waitForSelector('[data-testid="step-counter"]');
  await page.waitForTimeout(1000);
  const s = epollClients(n);
  await stageFile(page, `${s.id}.json`, JSON.stringify(s));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await chooseStagedFile(page);
  await page.waitForFunction(
    `location.hash.includes(${JSON.stringify(s.id)}) && !document.querySelector('[data-testid="simulating"]') && !!document.querySelector('[data-testid="step-counter"]')`,
    null,
    { timeout: 300_000, polling: 200 },
  );
  await page.waitForTimeout(1500);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  const long = (await page.evaluate(
    `(() => { for (const e of window.__obs.takeRecords()) window.__long.push(e.duration); return window.__long; })()`,
  )) as number[];
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const name = (x: Node) =>
    `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber + 1}`;
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .filter(([f]) => !/^\((idle|program|root)\)/.test(f))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([f, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${f}`)
      .join('\n');
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const x = byId.get(id)!;
    self.set(name(x), (self.get(name(x)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  // Tasks: runs of samples between idle ones; each long one with the functions it spent most in.
  const tasks: { ms: number; fns: Map<string, number> }[] = [];
  let cur: { ms: number; fns: Map<string, number> } | null = null;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const x = byId.get(id)!;
    if (x.callFrame.functionName === '(idle)') {
      if (cur) tasks.push(cur);
      cur = null;
      return;
    }
    cur ??= { ms: 0, fns: new Map() };
    cur.ms += ms;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!);
      if (!seen.has(k)) cur.fns.set(k, (cur.fns.get(k) ?? 0) + ms);
      seen.add(k);
    }
  });
  if (cur) tasks.push(cur);
  for (const task of tasks
    .filter((x) => x.ms > 50)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8))
    console.log(`task ${task.ms.toFixed(0)} ms:\n${top(task.fns, 14)}\n`);
  console.log(
    `worker messages over 20 ms [type, data ms, handler ms, what]: ${JSON.stringify(await page.evaluate('window.__msgs'))}`,
  );
  console.log(
    `long tasks (ms): ${long
      .map(Math.round)
      .sort((a, b) => b - a)
      .slice(0, 12)
      .join(', ')}`,
  );
  console.log(`\nself time:\n${top(self, 30)}\n\ntotal time:\n${top(total, 40)}`);
  await page.context().close();
});
