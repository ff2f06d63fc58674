import { describe, expect, it } from 'vitest';
import type { Messages } from './core.ts';

// Issue 20, "every sentence true": what the words say about Linux and CPython. Each block reads
// the texts a student sees (lessons, glossary, About, side by side, the hall) in both languages
// and fails on the old, wrong wording.
const FILES = import.meta.glob<Messages>('./{en,zh}/**/*.ts', { eager: true, import: 'default' });
const ALL: Record<'en' | 'zh', Messages> = { en: {}, zh: {} };
for (const [path, messages] of Object.entries(FILES)) {
  const m = /^\.\/(en|zh)\//.exec(path);
  if (m) Object.assign(ALL[m[1] as 'en' | 'zh'], messages);
}

/** The text of one key in one language. */
function text(lang: 'en' | 'zh', key: string): string {
  const t = ALL[lang][key];
  if (t === undefined) throw new Error(`no key ${key} (${lang})`);
  return t;
}

/** Every text of both languages whose key matches. */
function texts(key: RegExp): [string, string][] {
  const out: [string, string][] = [];
  for (const lang of ['en', 'zh'] as const)
    for (const [k, v] of Object.entries(ALL[lang])) if (key.test(k)) out.push([`${lang}:${k}`, v]);
  return out;
}

describe('item 3: side by side, signal-driven: the copy is in the main loop, not the handler', () => {
  it('says the handler only sets a flag and recvfrom runs in the main loop', () => {
    expect(text('en', 'compare.hint.signal-driven')).not.toMatch(/in the handler/);
    expect(text('en', 'compare.hint.signal-driven')).toMatch(/only sets a flag.*main loop.*recvfrom\(\)/);
    expect(text('zh', 'compare.hint.signal-driven')).not.toMatch(/信号处理函数里的 recvfrom/);
    expect(text('zh', 'compare.hint.signal-driven')).toMatch(/只设置一个标志.*主循环.*recvfrom\(\)/);
  });
});

describe('item 13: the TLB on a switch, and which machine measured', () => {
  it('no flushed TLB on a switch; threads of one process keep their page tables', () => {
    for (const [k, v] of texts(/^(fig\.switch\.|lesson\.01\.|glossary\.def\.context)/)) {
      expect(v, k).not.toMatch(/TLB is flushed|TLB 被清空|caches and the TLB are cold|缓存和 TLB 都是/);
    }
    expect(text('en', 'fig.switch.s5')).toMatch(
      /threads of one process share them.*PCID \(Linux 4\.14\+\) the TLB is not flushed/,
    );
    expect(text('zh', 'fig.switch.s5')).toMatch(/同一进程的线程共用页表.*PCID.*4\.14.*TLB 并不被清空/);
  });

  it('“measured on this machine” names the machine of docs/calibration.md', () => {
    for (const key of ['lesson.01.switch.b2', 'lesson.08.limits.b2']) {
      expect(text('en', key), key).not.toMatch(/measured on this machine/i);
      expect(text('en', key), key).toMatch(/AMD EPYC.*Linux 6\.18.*docs\/calibration\.md/);
      expect(text('zh', key), key).not.toMatch(/本机实测/);
      expect(text('zh', key), key).toMatch(/AMD EPYC.*Linux 6\.18.*docs\/calibration\.md/);
    }
  });
});

describe('item 4: SYN retries on Linux 6.7+ (tcp_syn_linear_timeouts = 4)', () => {
  it('glossary and About: five 1 s waits, then doubling; older kernels back off at once', () => {
    for (const key of ['glossary.def.backlog', 'about.faithful.backlog']) {
      expect(text('en', key), key).not.toMatch(/retries after 1 s, 2 s, 4 s|retries four times/);
      expect(text('en', key), key).toMatch(/6\.7.*1 s five times.*0, 1, 2, 3, 4, 5, 7, 11 s/);
      expect(text('zh', key), key).not.toMatch(/在 1 秒、2 秒、4 秒……之后重试|前四次间隔 1 秒/);
      expect(text('zh', key), key).toMatch(/6\.7.*五次各等 1 秒.*0、1、2、3、4、5、7、11 秒/);
    }
  });
});

describe('item 5: select walks the bitmaps a word at a time and checks only the fds in the set', () => {
  it('no text says select checks every fd from 0 to the highest', () => {
    const old =
      /checks? every fd (number )?(from 0|up to)|walks every fd number|fds 0–\{max\} one by one|scans every fd below nfds|up to nfds, one by one|从 0 到 \{max\} 的每个 fd|逐个检查 fd 0|检查到最大编号为止的每个 fd|直到最大编号的每个 fd|扫描 nfds 以下的每个 fd|从 0 到 nfds 逐个检查/;
    for (const [k, v] of texts(/select|\.08\.|stage\.scan/)) expect(v, k).not.toMatch(old);
  });
  it('glossary and About say: a 64-bit word at a time, only the fds in the set, charged per watched fd', () => {
    for (const key of ['glossary.def.select', 'about.faithful.select']) {
      expect(text('en', key), key).toMatch(/64-bit word at a time.*only the fds in the set.*per watched fd/);
      expect(text('zh', key), key).toMatch(/64 位字.*只轮询集合里的 fd.*按被监视的 fd 计/);
    }
  });
});

describe('item 7: lesson 17, signal-driven and io_uring runs do sleep (pause, io_uring_enter)', () => {
  it('no lesson 17 text says they never sleep or do not block; the table names what they sleep in', () => {
    for (const [k, v] of texts(/^lesson\.17\./)) {
      expect(v, k).not.toMatch(
        /Does not block: told by SIGIO|Does not block: the kernel waits|不阻塞：由 SIGIO 通知|不阻塞：由内核去等|never sleep waiting for data \(phase 1 does not block it\)/,
      );
    }
    expect(text('en', 'lesson.17.fig.wait.pause')).toMatch(/Asleep in pause\(\)/);
    expect(text('en', 'lesson.17.fig.wait.uring')).toMatch(/Asleep in io_uring_enter\(GETEVENTS\)/);
    expect(text('zh', 'lesson.17.fig.wait.pause')).toMatch(/睡在 pause\(\) 里/);
    expect(text('zh', 'lesson.17.fig.wait.uring')).toMatch(/睡在 io_uring_enter\(GETEVENTS\) 里/);
  });
  it('the quiz explanation says what differs: what it sleeps in, whether a read follows, who copies', () => {
    expect(text('en', 'lesson.17.quiz.explain')).toMatch(
      /sleeps in pause\(\).*still needs a recv.*sleeps in io_uring_enter\(GETEVENTS\).*needs no read.*in the thread’s own context/,
    );
    expect(text('zh', 'lesson.17.quiz.explain')).toMatch(
      /睡在 pause\(\) 里.*仍要调用 recv.*睡在 io_uring_enter\(GETEVENTS\) 里.*不需要读调用.*线程自己的上下文/,
    );
  });
});

describe('item 10: glossary EPIPE vs ECONNRESET; the chat room’s sixth client', () => {
  it('after an RST on an open connection the first send gets ECONNRESET [Errno 104], then EPIPE', () => {
    for (const key of ['glossary.def.fin-rst', 'glossary.def.epipe']) {
      expect(text('en', key), key).not.toMatch(
        /a send to a peer that has gone fails with EPIPE|closed and reset\./,
      );
      expect(text('en', key), key).toMatch(
        /first send fails with ECONNRESET \(\[Errno 104\]\).*later ones with EPIPE/,
      );
      expect(text('zh', key), key).toMatch(/第一次 send 以 ECONNRESET（\[Errno 104\]）失败.*EPIPE/);
    }
  });
  it('lesson 16 introduces zoe, the sixth client', () => {
    expect(text('en', 'lesson.16.room.b2')).toMatch(/a sixth, zoe/);
    expect(text('zh', 'lesson.16.room.b2')).toMatch(/第六个客户端 zoe/);
  });
});

describe('item 10: the CPU meter is cumulative and says so', () => {
  it('the meter’s label and figure say “since the start” / “in all”', () => {
    expect(text('en', 'panels.meters.cpu')).toBe('CPU since the start');
    expect(text('en', 'panels.meters.cpu.busy')).toMatch(/busy in all/);
    expect(text('zh', 'panels.meters.cpu')).toMatch(/自开始累计/);
    expect(text('zh', 'panels.meters.cpu.busy')).toMatch(/累计忙碌/);
  });
});

describe('item 8: one vocabulary for “blocked”: asleep versus inside the call', () => {
  it('lessons 2, 3 and the glossary define it and say blocking recv is inside the call through both phases, asleep in the first only', () => {
    for (const key of ['lesson.02.two.b2', 'glossary.def.blocking']) {
      expect(text('en', key), key).toMatch(
        /asleep.*off the CPU, on a wait queue.*inside the call.*cannot go on until the call returns/,
      );
      expect(text('zh', key), key).toMatch(
        /睡眠.*不在 CPU 上.*挂在等待队列上.*在调用里.*调用返回之前程序无法继续/,
      );
    }
    expect(text('en', 'lesson.03.models.b1')).not.toMatch(/Blocking I\/O sleeps through both/);
    expect(text('en', 'lesson.03.models.b1')).toMatch(
      /Blocking I\/O is inside `recv\(\)` through both, asleep in the first only/,
    );
    expect(text('zh', 'lesson.03.models.b1')).not.toMatch(/阻塞 I\/O 两个阶段都在睡/);
    expect(text('zh', 'lesson.03.models.b1')).toMatch(
      /阻塞 I\/O 两个阶段都在 `recv\(\)` 里，只在第一阶段睡眠/,
    );
  });
  it('the phase badge has no “thread (not) blocked” words any more', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(ALL[lang]['stage.phase.blocked']).toBeUndefined();
      expect(ALL[lang]['stage.phase.notBlocked']).toBeUndefined();
    }
    expect(text('en', 'stage.phase.signal')).not.toMatch(/free to do other work/);
    expect(text('zh', 'stage.phase.signal')).not.toMatch(/可以去忙别的/);
  });
});

describe('items 1, 2, 6 (words): io_uring’s completion, the Python signal handler, the GIL', () => {
  it('io_uring: the completion copies as task work in the submitting thread’s context, not “the kernel on its own”', () => {
    for (const [k, v] of texts(/uring|lesson\.13\.|async-io|user-kernel-space|kernelCopy|fig\.phases\.aio/)) {
      expect(v, k).not.toMatch(
        /the kernel copies by itself|kernel waits and copies by itself|The kernel, on its own|by the kernel on its own|the kernel doing both phases|The thread never copies|由内核自己完成|内核，自己完成|内核自己完成|线程自己从不复制|内核替线程复制/,
      );
    }
    for (const key of ['glossary.def.io-uring', 'about.simplified.uring', 'lesson.13.copy.explain']) {
      expect(text('en', key), key).toMatch(
        /task work in the (context of the thread that submitted|submitting thread’s context)/,
      );
      expect(text('en', key), key).toMatch(/DEFER_TASKRUN/);
      expect(text('zh', key), key).toMatch(/task_work/);
    }
  });
  it('the Python handler runs in the main thread after pause() returned EINTR; the C handler only sets a flag', () => {
    for (const key of ['about.faithful.signals', 'lesson.12.setup.b1']) {
      expect(text('en', key), key).not.toMatch(/pause\(\) returns after the handler/);
      expect(text('en', key), key).toMatch(/C.?(level )?handler, which only sets a flag.*-1 EINTR/);
      expect(text('zh', key), key).toMatch(/C (层)?处理函数，它只设置一个标志.*EINTR/);
    }
  });
  it('the GIL: released only around Py_BEGIN_ALLOW_THREADS calls; clone3 and getsockname hold it; the 5 ms interval', () => {
    for (const key of ['about.simplified.gil', 'glossary.def.gil']) {
      expect(text('en', key), key).not.toMatch(
        /handed straight to the next waiting thread|around every (blocking system|socket) call/,
      );
      expect(text('en', key), key).toMatch(/Py_BEGIN_ALLOW_THREADS.*getsockname.*5 ms switch interval/);
      expect(text('zh', key), key).toMatch(/Py_BEGIN_ALLOW_THREADS.*getsockname.*5 毫秒的切换间隔/);
    }
  });
});

describe('docs/simulation.md states items 1, 2, 4, 5 and 6 as Linux and CPython do', () => {
  it('no old claim is left', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/simulation.md', import.meta.url), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    expect(doc).not.toMatch(
      /the first four retries come 1 s apart|walks every fd up to it|pause\(\)` returns after the handler|handed directly to the first waiting thread|the kernel doing both phases of the read/,
    );
    expect(doc).toMatch(/five 1-second waits/);
    expect(doc).toMatch(/a 64-bit word at a time/);
    expect(doc).toMatch(/only sets a flag/);
    expect(doc).toMatch(/Py_BEGIN_ALLOW_THREADS/);
    expect(doc).toMatch(/task work \*in the submitting thread's context\*/);
  });
  it('lists the select/poll wake-up the model simplifies (poll_freewait), as About does, in both languages', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/simulation.md', import.meta.url), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    expect(doc).toMatch(
      /select\/poll wake-ups.*off every wait queue it was hooked on at once.*poll_freewait/,
    );
    expect(text('en', 'about.simplified.wakeups')).toMatch(/off all its wait queues at once.*poll_freewait/);
    expect(text('zh', 'about.simplified.wakeups')).toMatch(/立刻把它从全部等待队列上摘下来.*poll_freewait/);
  });
});

describe('item 12: exclusive waits in accept(), the thundering herd where it still happens', () => {
  it('lesson 6 says a connection wakes one accept() sleeper, and names the epoll case without EPOLLEXCLUSIVE', () => {
    expect(text('en', 'lesson.06.herd.b2')).toMatch(
      /wakes only one of them: accept\(\) sleeps exclusively \(WQ_FLAG_EXCLUSIVE\)/,
    );
    expect(text('zh', 'lesson.06.herd.b2')).toMatch(
      /只唤醒其中一个：accept\(\) 是独占式睡眠（WQ_FLAG_EXCLUSIVE）/,
    );
    expect(text('en', 'lesson.06.herd.b3')).toMatch(
      /without EPOLLEXCLUSIVE: one connection wakes every one of them/,
    );
    expect(text('zh', 'lesson.06.herd.b3')).toMatch(/不带 EPOLLEXCLUSIVE.*全部唤醒/);
  });
});

describe('item 8, the rest: the timeline legend, the futex waits, the two-phase table, the lessons speak “asleep”', () => {
  it('the timeline’s mark for a call going to sleep says so', () => {
    expect(text('en', 'controls.legend.block')).toBe('fell asleep');
    expect(text('zh', 'controls.legend.block')).toBe('入睡');
  });
  it('a thread waiting for the GIL, a pool job or a new thread’s start is asleep on a futex', () => {
    for (const key of ['stage.on.gil', 'stage.on.pool', 'stage.on.started']) {
      expect(text('en', key), key).toMatch(/^asleep on a futex: waiting for/);
      expect(text('zh', key), key).toMatch(/^在 futex 上睡眠：等/);
    }
    expect(text('en', 'stage.on.sleep')).toMatch(/^asleep inside clock_nanosleep\(\)/);
    expect(text('zh', 'stage.on.sleep')).toMatch(/^在 clock_nanosleep\(\) 里睡眠/);
  });
  it('the two-phase table: blocking I/O is asleep in phase 1 and inside recv, copying, in phase 2', () => {
    for (const [k, v] of texts(/^fig\.(phases|switch|grid)\./))
      expect(v, k).not.toMatch(/blocked|阻塞在|（阻塞）/);
    expect(text('zh', 'fig.switch.blocked')).toBe('睡眠');
    expect(text('en', 'fig.phases.blocking.1')).toBe('asleep inside `recv`');
    expect(text('en', 'fig.phases.blocking.2')).toBe('inside `recv`, copying (not asleep)');
    expect(text('zh', 'fig.phases.blocking.2')).toBe('在 `recv` 里拷贝（没有睡眠）');
    expect(text('en', 'fig.phases.signal.1')).toMatch(/sleeps in `pause\(\)`/);
    expect(text('en', 'fig.phases.aio.1')).toMatch(/sleeps in `io_uring_enter`/);
  });
  it('the lessons say a waiting thread is asleep inside its call, not “blocked in” it', () => {
    const blockedIn =
      /\((blocked|阻塞)，?|(is|are) blocked (again|in)|threads? blocked in|threads are blocked|阻塞在|又被阻塞|被阻塞/;
    const slips = texts(/^(lesson|compare)\./).filter(([, v]) => blockedIn.test(v));
    expect(slips).toEqual([]);
  });
});
