/** Lesson 12: signal-driven I/O — the fifth of the classic five models, which the article names but skips. */
import type { Lesson } from './types.ts';
import { findEvents, findStep, isSignal, isSysBlock, isSysExit, type Traced } from './find.ts';

/** The SIGIO that the second message raises (two clients connected by then, so there is a choice). */
function dataSigio(r: Traced): number {
  const rx = findStep(r, (ev) => ev.type === 'sock.rx', { nth: 2 }, 'data');
  return findStep(r, isSignal('SIGIO'), { after: rx - 1 });
}

/** What the program does after a SIGIO: its calls until it pauses again. */
function afterSigio(r: Traced): { calls: number; fds: number; eagain: number; pause: number } {
  const sig = dataSigio(r);
  const pause = findStep(r, isSysBlock('pause'), { after: sig });
  const exits = findEvents(
    r,
    (ev) => ev.type === 'sys.exit' && (ev.name === 'recvfrom' || ev.name === 'accept4'),
    { after: sig, before: pause },
  );
  const trace = r.index.trace;
  const fds = new Set(
    exits.map((i) => {
      const ev = trace[i]!;
      const m = ev.type === 'sys.exit' ? /^\w+\((\d+)/.exec(ev.strace) : null;
      return m ? Number(m[1]) : -1;
    }),
  );
  const eagain = exits.filter((i) => {
    const ev = trace[i]!;
    return ev.type === 'sys.exit' && ev.errno === 'EAGAIN';
  }).length;
  return { calls: exits.length, fds: fds.size, eagain, pause };
}

const lesson: Lesson = {
  n: 12,
  id: 'signal-driven',
  title: { key: 'lesson.12.title' },
  summary: { key: 'lesson.12.summary' },
  scenario: 'signal-driven',
  items: [
    {
      kind: 'slide',
      id: 'fifth',
      title: { key: 'lesson.12.fifth.title' },
      body: [{ key: 'lesson.12.fifth.b1' }, { key: 'lesson.12.fifth.b2' }],
    },
    {
      kind: 'stop',
      id: 'setup',
      at: (ctx) => findStep(ctx.run, isSysExit('fcntl'), { nth: 2 }),
      title: { key: 'lesson.12.setup.title' },
      body: [{ key: 'lesson.12.setup.b1' }],
    },
    {
      kind: 'stop',
      id: 'pause',
      at: (ctx) => findStep(ctx.run, isSysBlock('pause')),
      title: { key: 'lesson.12.pause.title' },
      body: [{ key: 'lesson.12.pause.b1' }],
    },
    {
      kind: 'stop',
      id: 'copy',
      at: (ctx) =>
        findStep(ctx.run, isSysExit('recvfrom', { minRet: 1 }), {
          after: findStep(ctx.run, isSignal('SIGIO')),
        }),
      title: { key: 'lesson.12.copy.title' },
      body: [{ key: 'lesson.12.copy.b1' }],
    },
    {
      kind: 'stop',
      id: 'sigio',
      at: (ctx) => dataSigio(ctx.run),
      title: { key: 'lesson.12.sigio.title' },
      body: [{ key: 'lesson.12.sigio.b1' }],
      question: {
        prompt: { key: 'lesson.12.sigio.q' },
        pick: 'one',
        choices: () => [
          { id: 'one', label: 'lesson.12.c.one' },
          { id: 'every', label: 'lesson.12.c.every' },
        ],
        answer: (ctx) => [afterSigio(ctx.run).fds > 1 ? 'every' : 'one'],
        explain: {
          key: 'lesson.12.sigio.explain',
          params: (ctx) => {
            const a = afterSigio(ctx.run);
            return { calls: a.calls, fds: a.fds, eagain: a.eagain };
          },
        },
        revealAt: (ctx) => afterSigio(ctx.run).pause,
      },
    },
    {
      kind: 'slide',
      id: 'rare',
      title: { key: 'lesson.12.rare.title' },
      body: [{ key: 'lesson.12.rare.b1' }, { key: 'lesson.12.rare.b2' }],
    },
  ],
  links: [{ page: 'compare', label: 'lesson.12.link.compare' }],
};

export default lesson;
