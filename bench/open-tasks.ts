/**
 * Opening a big scenario keeps the page responsive (issue 22; round notes' "Responsiveness": no
 * main-thread task over 50 ms). Part of `npm run bench`; alone: `node --import tsx bench/open-tasks.ts`.
 * In Chromium, with a long-task observer (PerformanceObserver 'longtask') from the first script
 * on, opens: 10,000 and 20,000 clients on epoll as a file (the 20,000 one pretty-printed, 7.9 MB
 * as in the issue), and the poll crash link (N = 2,000 idle connections) by `s=`; then reports
 * the longest main-thread task from the open until the lab shows its step counter, beside the goal.
 * Builds dist/ first if missing; serves it with `vite preview` on IOLAB_BENCH_PORT (default 4398).
 */
import { pathToFileURL } from 'node:url';
import { type Page } from '@playwright/test';
import type { Scenario } from '../src/scenarios/format.ts';
import { withPreviewSite } from './preview.ts';
import { encodeScenario } from '../src/scenarios/link.ts';

const PORT = Number(process.env.IOLAB_BENCH_PORT ?? 4398);
export const TASK_GOAL_MS = 50;

/** `n` clients on epoll, each connecting then sending twice (the C10K shape of bench/run.ts). */
export function epollClients(n: number): Scenario {
  return {
    format: 'iolab/scenario@1',
    id: `epoll-${n}`,
    title: { en: `${n} clients`, zh: `${n} 个客户端` },
    seed: 1,
    model: 'epoll',
    options: { backlog: 4096, fdLimit: 2 * n },
    clients: Array.from({ length: n }, (_, i) => {
      const at = i * 0.05;
      return {
        name: `c${i}`,
        actions: [
          { at, do: 'connect' as const },
          { at: at + 600, do: 'send' as const, data: `m1-${i}` },
          { at: at + 1200, do: 'send' as const, data: `m2-${i}` },
        ],
      };
    }),
    untilMs: 3000,
  };
}

/** The crash link: poll with a zero timeout over `idle` idle connections for an hour. */
export function pollCrash(idle: number, model: Scenario['model'] = 'poll'): Scenario {
  return {
    format: 'iolab/scenario@1',
    id: `crash-${model}`,
    title: { en: `Busy ${model} over ${idle} idle connections`, zh: `忙轮询 ${idle} 个空闲连接` },
    seed: 1,
    model,
    options: { timeoutMs: 0, fdLimit: 1_048_576, backlog: 4096 },
    clients: [{ name: 'c1', actions: [{ at: 0, do: 'connect' }] }],
    idleConnections: idle,
    untilMs: 3_600_000,
  } as Scenario;
}

export interface OpenFigure {
  label: string;
  bytes: number;
  openMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** The long tasks, longest first (the first few). */
  tasks: number[];
}

/**
 * Puts a file in the page ahead of the measure: Playwright's setInputFiles builds it on the page's
 * own thread from base64 (0.7 s for 1.5 MB), a cost no user's file choice has.
 */
export async function stageFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([n, t]) => {
      (window as unknown as { __file: File }).__file = new File([t!], n!, { type: 'application/json' });
    },
    [name, text],
  );
}

/** Chooses the staged file in the lab's file picker, as a user's choice would. */
export async function chooseStagedFile(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="scenario-file"]')!;
    const files = new DataTransfer();
    files.items.add((window as unknown as { __file: File }).__file);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const collect = `(() => { for (const e of window.__obs.takeRecords()) window.__long.push(e.duration); const l = window.__long; window.__long = []; return l; })()`;

async function opened(page: Page): Promise<void> {
  await page.waitForFunction(
    `!document.querySelector('[data-testid="simulating"]') && !!document.querySelector('[data-testid="step-counter"]') && !document.querySelector('[data-testid="opening"]')`,
    null,
    { timeout: 300_000, polling: 200 },
  );
}

async function measureOpen(
  page: Page,
  label: string,
  bytes: number,
  open: () => Promise<void>,
  done: () => Promise<void>,
): Promise<OpenFigure> {
  await page.evaluate(collect);
  const t0 = Date.now();
  await open();
  await done();
  const openMs = Date.now() - t0;
  // The frames after the lab shows (its first drawing of the new run) belong to the open too.
  await page.waitForTimeout(1500);
  const tasks = ((await page.evaluate(collect)) as number[]).sort((a, b) => b - a);
  return {
    label,
    bytes,
    openMs,
    longestTaskMs: Math.round(tasks[0] ?? 0),
    longTasks: tasks.length,
    tasks: tasks.slice(0, 6).map(Math.round),
  };
}

export async function openTasksBench(): Promise<OpenFigure[]> {
  return withPreviewSite(PORT, async ({ base, longTaskPage: newPage }) => {
    const out: OpenFigure[] = [];
    const only = process.env.IOLAB_BENCH_ONLY;
    const files: [string, Scenario, boolean][] = [
      ['10,000 clients on epoll, opened as a file (JSON)', epollClients(10_000), false],
      ['20,000 clients on epoll, opened as a file (pretty JSON)', epollClients(20_000), true],
    ];
    for (const [label, s, pretty] of files) {
      if (only && !label.includes(only)) continue;
      const page = await newPage();
      await page.goto(`${base}#/blocking-two-clients?lang=en`);
      await page.waitForSelector('[data-testid="step-counter"]');
      await page.waitForTimeout(1000);
      const text = pretty ? JSON.stringify(s, null, 2) : JSON.stringify(s);
      await stageFile(page, `${s.id}.json`, text);
      out.push(
        await measureOpen(
          page,
          label,
          Buffer.byteLength(text),
          () => chooseStagedFile(page),
          async () => {
            await page.waitForFunction(
              `(document.querySelector('[data-testid="step-counter"]')?.textContent ?? '').length > 0 && location.hash.includes(${JSON.stringify(s.id)})`,
              null,
              { timeout: 300_000, polling: 200 },
            );
            await opened(page);
          },
        ),
      );
      await page.context().close();
    }
    for (const [label, s] of [['poll crash link, 2,000 idle connections (s=)', pollCrash(2_000)]] as const) {
      if (only && !label.includes(only)) continue;
      const page = await newPage();
      await page.goto(`${base}#/blocking-two-clients?lang=en`);
      await page.waitForSelector('[data-testid="step-counter"]');
      await page.waitForTimeout(1000);
      const link = `${base}#/${s.id}?lang=en&s=${encodeScenario(s)}`;
      out.push(
        await measureOpen(
          page,
          label,
          link.length,
          async () => {
            await page.evaluate(`location.hash = ${JSON.stringify(link.slice(base.length))}`);
          },
          async () => {
            // The link is past the stated size: it asks first (Run).
            await page.getByRole('button', { name: 'Run' }).click({ timeout: 30_000 });
            await opened(page);
          },
        ),
      );
      await page.context().close();
    }
    return out;
  });
}

export function printOpenTasks(rs: OpenFigure[]): void {
  console.log(`\nopening a big scenario in Chromium: longest main-thread task (goal ≤ ${TASK_GOAL_MS} ms):`);
  console.log('| scenario | input | open ms | long tasks | longest ms | goal ms | longest / goal |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rs)
    console.log(
      `| ${r.label} | ${(r.bytes / 1e6).toFixed(2)} MB | ${r.openMs} | ${r.longTasks} (${r.tasks.join(', ')}) | ${r.longestTaskMs} | ${TASK_GOAL_MS} | ${(r.longestTaskMs / TASK_GOAL_MS).toFixed(2)} |`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rs = await openTasksBench();
  printOpenTasks(rs);
}
