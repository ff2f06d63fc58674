import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios/index.ts';
import { getRun } from '../runs/runs.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { narrate } from './index.ts';

// Issue 20, "every sentence true": the narration of a scenario's step, read as a student reads it,
// in both languages; each test fails on the old, wrong words.
function runOf(id: string) {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return getRun(s, s.seed);
}

/** Every step whose events match. */
function stepsWhere(id: string, pred: (ev: TraceEvent, stepEvents: TraceEvent[]) => boolean): number[] {
  const { index } = runOf(id);
  const out: number[] = [];
  for (let k = 0; k < index.steps; k++) {
    const from = index.stepStart[k]!;
    const to = k + 1 < index.steps ? index.stepStart[k + 1]! : index.trace.length;
    if (pred(index.trace[from]!, index.trace.slice(from, to) as TraceEvent[])) out.push(k);
  }
  if (out.length === 0) throw new Error(`no such step in ${id}`);
  return out;
}

function say(id: string, step: number, lang: 'en' | 'zh' = 'en'): string {
  const { run, index } = runOf(id);
  const n = narrate(run, index, step, lang);
  return `${n.text} ${n.detail ?? ''}`;
}

describe('item 4: a dropped SYN comes again after five 1 s waits, then doubling', () => {
  it('blocking-backlog-full: the drop says so in both languages', () => {
    const [k] = stepsWhere('blocking-backlog-full', (_ev, all) =>
      all.some((e) => e.type === 'sock.syn' && e.outcome !== 'queued'),
    );
    expect(say('blocking-backlog-full', k!)).not.toMatch(/1 s, then 2 s/);
    expect(say('blocking-backlog-full', k!)).toMatch(/6\.7\+.*five waits of 1 s, then doubling/);
    expect(say('blocking-backlog-full', k!, 'zh')).not.toMatch(/先等 1 秒，再等 2 秒/);
    expect(say('blocking-backlog-full', k!, 'zh')).toMatch(/6\.7.*五次各等 1 秒/);
  });
});

describe('item 5: select’s scan, as narrated', () => {
  it('select: the call and its scan say the kernel checks only the fds in the set', () => {
    const steps = stepsWhere('select', (_ev, all) => all.some((e) => e.type === 'select.scan'));
    for (const k of steps.slice(0, 3)) {
      expect(say('select', k)).not.toMatch(/every fd (number )?from 0/);
      expect(say('select', k)).toMatch(/walks the bitmap up to fd \d+ and checks each fd in the set/);
      expect(say('select', k, 'zh')).not.toMatch(/从 0 到 \d+ 的每个 fd/);
      expect(say('select', k, 'zh')).toMatch(/把位图走到 fd \d+，检查集合里的每个 fd/);
    }
  });
});

describe('item 10: narration slips', () => {
  it('epoll level-triggered: the sleep after a report says the recheck dropped the fd', () => {
    const steps = stepsWhere('epoll-level', (ev) => ev.type === 'sys.block' && ev.name === 'epoll_wait');
    const texts = steps.map((k) => say('epoll-level', k));
    // The old words jumped from "1 on it now" to "the ready list is empty" with no recheck.
    const rechecks = texts.filter((s) =>
      /checks it again: fd \d+ can no longer be read, so it is dropped from the ready list/.test(s),
    );
    expect(rechecks.length).toBeGreaterThanOrEqual(3);
    expect(
      steps
        .map((k) => say('epoll-level', k, 'zh'))
        .filter((s) => /再检查它一遍：fd \d+ 已经不可读了，于是被移出就绪列表/.test(s)).length,
    ).toBe(rechecks.length);
  });

  it("epoll-edge-pitfall: a recv after a FIN is not “reset”: b'' comes back", () => {
    const steps = stepsWhere(
      'epoll-edge-pitfall',
      (ev, all) => ev.type === 'py' && all.some((e) => e.type === 'sys.enter' && e.name === 'recvfrom'),
    );
    const { index } = runOf('epoll-edge-pitfall');
    for (const k of steps) {
      // the call's own return, in the next steps
      const exit = index.trace
        .slice(index.stepStart[k]!)
        .find((e) => e.type === 'sys.exit' && e.name === 'recvfrom');
      if (exit?.type === 'sys.exit' && exit.ret === 0 && !exit.errno) {
        expect(say('epoll-edge-pitfall', k), `step ${k}`).not.toMatch(/has been reset/);
      }
    }
    expect(
      steps.some((k) => /The client has already closed its end/.test(say('epoll-edge-pitfall', k))),
    ).toBe(true);
  });

  it('blocking-backlog-full: a resent SYN’s connection is named, never “?’s connection”', () => {
    const steps = stepsWhere(
      'blocking-backlog-full',
      (ev) => ev.type === 'sock.accept-queue' && ev.op === 'push',
    );
    for (const k of steps) {
      expect(say('blocking-backlog-full', k), `step ${k}`).not.toMatch(/\?’s connection/);
      expect(say('blocking-backlog-full', k, 'zh'), `step ${k}`).not.toMatch(/\?\s*的连接/);
    }
    expect(
      steps
        .map((k) => say('blocking-backlog-full', k))
        .some((s) => /b2’s connection is now in the listening socket’s accept queue/.test(s)),
    ).toBe(true);
  });

  it('select/poll wake-up: the words say what the model does (off every queue at the wake) and what Linux does', () => {
    // The model takes the woken thread off all its wait queues at the wake (wait.remove events in
    // the same step); Linux leaves it on them until its rescan (poll_freewait). The words must not
    // say the thread is still on the queues while the stage shows it on none.
    const { index } = runOf('select');
    const woken: number[] = [];
    const steps = stepsWhere('select', (ev) => {
      if (ev.type !== 'sys.wake' || ev.reason !== 'data') return false;
      woken.push(ev.tid);
      return true;
    });
    const queuesOf = (step: number, tid: number): number =>
      Object.values(index.viewAt(step).waits).filter((l) => l.includes(tid)).length;
    steps.forEach((k, i) => {
      const tid = woken[i]!;
      const before = Math.max(...[2, 3, 4, 5].map((d) => queuesOf(k - d, tid)));
      expect(before, `step ${k}: on several queues before its wake`).toBeGreaterThan(1);
      expect(queuesOf(k, tid), `step ${k}: the model took it off every queue by the wake`).toBe(0);
    });
    for (const k of steps) {
      expect(say('select', k)).not.toMatch(/still on all \d+ wait queues/);
      expect(say('select', k, 'zh')).not.toMatch(/仍挂在全部 \d+ 个等待队列上/);
    }
    const texts = steps.map((k) => [say('select', k), say('select', k, 'zh')]);
    expect(
      texts.some(
        ([en, zh]) =>
          /the lab takes it off all \d+ wait queues at once\. Linux does that a little later.*poll_freewait/.test(
            en!,
          ) && /本实验在这一刻就把它从全部 \d+ 个等待队列上摘下来。Linux 要晚一点.*poll_freewait/.test(zh!),
      ),
    ).toBe(true);
  });
});

describe('item 2: when the Python signal handler runs', () => {
  it('signal-driven: the kernel runs CPython’s C handler (a flag); on_sigio runs after rt_sigreturn has ended pause() with EINTR', () => {
    const [handle] = stepsWhere('signal-driven', (ev) => ev.type === 'signal.handle');
    expect(say('signal-driven', handle!)).not.toMatch(/on_sigio` runs and sets/);
    expect(say('signal-driven', handle!)).toMatch(
      /CPython’s C-level handler, which only sets a flag.*has not run yet/,
    );
    expect(say('signal-driven', handle!, 'zh')).toMatch(/C 层处理函数.*只设一个标志.*还没有运行/);
    const [sigret] = stepsWhere(
      'signal-driven',
      (ev) => ev.type === 'sys.exit' && ev.name === 'rt_sigreturn',
    );
    expect(sigret).toBeGreaterThan(handle!);
    expect(say('signal-driven', sigret!)).toMatch(
      /the Python handler runs now, before `signal.pause\(\)` returns/,
    );
    // The next step is the Python handler itself, in the main thread.
    expect(say('signal-driven', sigret! + 1)).toMatch(
      /in the main thread and between two bytecodes, Python’s handler `on_sigio` runs/,
    );
    expect(say('signal-driven', sigret! + 1, 'zh')).toMatch(
      /在主线程里、两条字节码之间，Python 的处理函数 `on_sigio` 运行/,
    );
    const [install] = stepsWhere(
      'signal-driven',
      (ev, all) => ev.type === 'py' && all.some((e) => e.type === 'sys.enter' && e.name === 'rt_sigaction'),
    );
    expect(say('signal-driven', install!)).not.toMatch(/installs a handler the kernel will run/);
    expect(say('signal-driven', install!)).toMatch(/C-level handler/);
    const [pauseExit] = stepsWhere('signal-driven', (ev) => ev.type === 'sys.exit' && ev.name === 'pause');
    expect(say('signal-driven', pauseExit!)).not.toMatch(/The kernel now runs the program’s SIGIO handler/);
  });
});

describe('item 1, the narration: io_uring’s work is task work in the submitting thread', () => {
  it('async-io: the copy, the submit and the sleep name the thread that does the work', () => {
    const [copy] = stepsWhere('async-io', (ev) => ev.type === 'copy' && ev.dir === 'to-user');
    expect(say('async-io', copy!)).not.toMatch(
      /The kernel itself copies|The program is asleep and makes no call/,
    );
    expect(say('async-io', copy!)).toMatch(
      /Task work for the main thread, in kernel mode: io_uring copies 5 bytes .*charged to the main thread/,
    );
    expect(say('async-io', copy!, 'zh')).toMatch(/主线程的 task_work，以内核态执行：io_uring 把/);
    const [submit] = stepsWhere('async-io', (_ev, all) => all.some((e) => e.type === 'uring.sqe'));
    expect(say('async-io', submit!)).not.toMatch(/carries (it|them) out by itself/);
    expect(say('async-io', submit!, 'zh')).not.toMatch(/由内核自己去完成/);
    const [sleep] = stepsWhere('async-io', (ev) => ev.type === 'sys.block' && ev.name === 'io_uring_enter');
    expect(say('async-io', sleep!)).not.toMatch(/will do the work itself/);
    expect(say('async-io', sleep!)).toMatch(/task work for the main thread/);
  });
});

describe('item 6: the GIL only around Py_BEGIN_ALLOW_THREADS calls', () => {
  it('thread-per-connection: clone3 and getsockname run with the GIL held; accept4 and recv release it', () => {
    const { index } = runOf('thread-per-connection');
    // Every call of a step that drops the GIL (holder null, or handed on) is one CPython wraps.
    const dropsBefore = new Set<string>();
    for (let i = 0; i < index.trace.length; i++) {
      const e = index.trace[i]!;
      if (e.type !== 'sys.enter') continue;
      const prev = index.trace.slice(Math.max(0, i - 3), i).reverse();
      const py = prev.findIndex((x) => x.type === 'py' && x.tid === e.tid);
      if (py >= 0 && prev.slice(0, py + 1).some((x) => x.type === 'gil' && x.holder !== e.tid))
        dropsBefore.add(e.name);
    }
    expect(dropsBefore.has('accept4')).toBe(true);
    expect(dropsBefore.has('recvfrom')).toBe(true);
    for (const held of ['clone3', 'getsockname']) expect(dropsBefore.has(held), held).toBe(false);
    const [exit] = stepsWhere(
      'thread-per-connection',
      (ev) => ev.type === 'sys.exit' && ev.name === 'clone3',
    );
    expect(say('thread-per-connection', exit!)).toMatch(/the GIL, which the main thread still holds/);
    expect(say('thread-per-connection', exit!, 'zh')).toMatch(/GIL 仍在主线程手里/);
  });
});
