import { beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons/index.ts';
import { itemContext } from '../../lessons/context.ts';
import type { Lesson, Stop } from '../../lessons/types.ts';
import { ensureAllMessages, translate, type Lang } from '../../i18n/index.ts';
import { narrate } from '../../narration/index.ts';
import { sceneOfStep } from '../stage/scene.ts';
import { layoutStage } from '../stage/layout.ts';
import { placedTexts } from '../stage/nodes.ts';
import { metricsMeasure } from '../stage/text.ts';
import { METRICS, METRIC_CHARS } from '../stage/font-metrics.ts';
import { logRows } from '../side/log-rows.ts';
import { cpuNow } from '../side/cpu-now.ts';

// Issue 20, item 9: predict, then reveal. For each of the lessons' questions, what would give its
// answer away, and a check that the page at the question's moment (before the reveal) shows none
// of it: the stop's words, the narration, every text drawn on the stage (fd tables, buffers, ready
// lists, select's last scan, the clients' replies, the operator's terminal), the system-call log
// and the meters, in both languages.
//
// 'predict' questions ask about what comes next (the reveal is a later step). 'observe' questions
// ask the student to read the page at this very step (the answer is meant to be on it: the core's
// state, the thread count, the meters at the end of a run); for those the page must agree with the
// answer, which `agrees` checks.

beforeAll(() => ensureAllMessages());

interface Giveaway {
  /** Patterns in any language's page (numbers, bytes, strace). */
  any?: RegExp[];
  en?: RegExp[];
  zh?: RegExp[];
}
type Entry =
  | { kind: 'predict'; give: Giveaway }
  | { kind: 'observe'; why: string; agrees?: (page: Record<Lang, string>) => void };

const TABLE: Record<string, Entry> = {
  // Which fd will accept() return? fd 4 anywhere: the fd table, a socket's title, the log, the words.
  '1:accept': {
    kind: 'predict',
    give: { any: [/\bfd 4\b/, /(^|¦ )4 ¦ ↔ ann/, /accept4\(3, \{[^\n]*= 4$/m] },
  },
  // Where is hello? Python's buffer (the thread's box) holding it, a copy said or logged.
  '1:buffer': {
    kind: 'predict',
    give: {
      any: [/recvfrom\(4, "hello"/],
      en: [/(^|¦ )buffer ¦ h/, /\bcop(y|ies)\b.*b'hello'/],
      zh: [/(^|¦ )缓冲区 ¦ h/, /拷.*b'hello'/],
    },
  },
  '1:blocked': {
    kind: 'observe',
    why: 'what the core does now is drawn on the stage: that is what the student is asked to look at',
    agrees: (p) => {
      // The stage's core and the meters' “now” line say idle; the busy figure is labelled cumulative.
      expect(p.en).toMatch(/CPU 0: idle/);
      expect(p.en).toMatch(/Now: CPU 0 idle/);
      expect(p.zh).toMatch(/此刻：CPU 0 空闲/);
    },
  },
  // What will recv() do on an empty blocking socket? The thread asleep in it, or the narration's sleep.
  '2:blocking-recv': {
    kind: 'predict',
    give: {
      any: [/recvfrom\(4,\s*$/m],
      en: [/asleep inside recvfrom/, /puts the main thread to sleep/],
      zh: [/在 recvfrom\(4\) 里睡眠/, /让主线程睡眠|让主线程睡/],
    },
  },
  '2:nonblocking-recv': {
    kind: 'predict',
    give: { any: [/recvfrom\(4,[^\n]*EAGAIN/, /BlockingIOError/] },
  },
  // How many bytes will recv(1024) return? The copy's size, the bytes in Python's buffer, the log.
  '3:copy': {
    kind: 'predict',
    give: {
      any: [/recvfrom\(4, "hello"[^\n]*= 5/],
      en: [/copies 5 bytes/, /(^|¦ )buffer ¦ h ¦ e/],
      zh: [/拷贝 5 个字节|拷 5 个字节/, /(^|¦ )缓冲区 ¦ h ¦ e/],
    },
  },
  // Which phases? The narration or the stage naming the phase the call is in once it copies.
  '3:no-wait': {
    kind: 'predict',
    give: {
      any: [/recvfrom\(4, "anyone\?"/],
      en: [/Phase 2|phase 2: copying/],
      zh: [/阶段二|第 2 阶段/],
    },
  },
  // Who gets the next reply? The reply itself (upper-cased) anywhere.
  '4:who-next': { kind: 'predict', give: { any: [/STILL HERE/, /ANYONE\?/] } },
  '5:all-asleep': {
    kind: 'observe',
    why: 'the thread boxes and the meter show the threads now: counting them is the exercise',
    agrees: (p) => {
      expect(p.en.match(/(^|¦ )tid \d+/g)).toHaveLength(4);
      // The words say every thread is asleep and the core idle: so does the stage.
      expect(p.en).toMatch(/CPU 0: idle/);
      expect(p.en).not.toMatch(/running on CPU/);
    },
  },
  // How many processes hold ann's connection after fork? The child, or words saying it has it.
  '5:fork': {
    kind: 'predict',
    give: {
      any: [/pid 4001/, /clone\(/],
      en: [/connection included|as fd 4 too/],
      zh: [/也有 fd 4|连同新连接|包括新连接/],
    },
  },
  // Whose bytes wait with nobody to read them? cat's message in a buffer.
  '6:third': { kind: 'predict', give: { any: [/b'my turn\?'/] } },
  '6:freed': {
    kind: 'observe',
    why: 'the stage shows ann gone and her worker serving cat: reading it off is the point',
    agrees: (p) => expect(p.en).toMatch(/ann ¦ closed/),
  },
  '7:cpu': {
    kind: 'observe',
    why: 'the end of the run: the stop’s words send the student to the meters',
  },
  // How long until hello is read? The read in the log.
  '7:sleep': {
    kind: 'predict',
    give: { any: [/recvfrom\(4, "hello"/], en: [/(^|¦ )buffer ¦ h/], zh: [/(^|¦ )缓冲区 ¦ h/] },
  },
  '7:trap': { kind: 'predict', give: { any: [/ME FIRST/, /HELLO/] } },
  // Which fds will select return? Its result in the log, the scan box or the narration.
  '8:predict': {
    kind: 'predict',
    give: { any: [/in \[4 6\]/, /(ready|就绪)[:：] ?4/, /(ready|就绪)[:：] ?6/] },
  },
  '9:list': {
    kind: 'predict',
    give: { any: [/fd=7, revents/, /(ready|就绪)[:：] ?7/] },
  },
  '10:level': {
    kind: 'observe',
    why: 'a question on the rule (level-triggered re-reports), answered by the level-triggered run drawn beside',
  },
  // Will edge-triggered epoll report the leftover bytes? The ready list's state after the report.
  '10:partial': {
    kind: 'predict',
    give: { en: [/ready list[^\n]*¦ empty: nothing ready/], zh: [/就绪列表[^\n]*¦ 空：没有就绪的 fd/] },
  },
  '11:dispatch': { kind: 'predict', give: { any: [/recvfrom\(5/, /[:：] ?read\(\)/] } },
  '12:sigio': { kind: 'predict', give: { any: [/recvfrom\(5, "hi"/] } },
  // Who copies? The landing's narration naming the task work.
  '13:copy': { kind: 'predict', give: { any: [/task.?work/i] } },
  '14:sleep': {
    kind: 'observe',
    why: 'one thread on the stage, asleep in epoll_wait for all the clients',
    agrees: (p) => expect(p.en.match(/(^|¦ )tid \d+/g)).toHaveLength(1),
  },
  '15:late': {
    kind: 'predict',
    give: { any: [/recvfrom\(4, "hello"/], en: [/(^|¦ )buffer ¦ h/], zh: [/(^|¦ )缓冲区 ¦ h/] },
  },
  '15:count': {
    kind: 'observe',
    why: 'the end of the run: counting the EAGAIN lines (or reading the meter) is the exercise',
  },
  // Which client is answered next? The operator's prompt for it.
  '16:r1': { kind: 'predict', give: { any: [/client 4 says/] } },
  '16:r2': { kind: 'predict', give: { any: [/client 1 says '1 again'/] } },
  '16:r3': { kind: 'predict', give: { any: [/client 1 says '1 once more'/] } },
  // What happens to the server? The error or the traceback.
  '16:leave': {
    kind: 'predict',
    give: { any: [/BrokenPipe|EPIPE|ECONNRESET|Traceback|SIGPIPE/] },
  },
  '17:quiz': {
    kind: 'observe',
    why: 'a question on the definitions; the table that answers it comes only after it (src/lessons/reveal.test.ts)',
  },
};

const stops = LESSONS.flatMap((lesson) =>
  lesson.items
    .filter((item): item is Stop => item.kind === 'stop' && item.question !== undefined)
    .map((item) => ({ lesson, item })),
);

/** Every text the lesson page shows at `step` in `lang` (joined; stage texts by ' ¦ '). */
function pageText(lesson: Lesson, item: Stop, step: number, lang: Lang): string {
  const ctx = itemContext(lesson, item);
  const { run, index } = ctx.run;
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const words = [item.title, ...item.body, item.question!.prompt].map((w) => t(w.key, w.params?.(ctx)));
  const nar = narrate(run, index, step, lang);
  const scene = sceneOfStep(index, step, run.scenario.model);
  const layout = layoutStage(scene, 1100, { t, measure: metricsMeasure(lang, METRICS, METRIC_CHARS) });
  const stage = placedTexts(layout.nodes)
    .map((x) => x.text)
    .join(' ¦ ');
  const view = ctx.viewAt(step);
  const log = logRows(run.trace, index, step, view)
    .rows.map((r) => r.prefix + r.text)
    .join('\n');
  const m = view.meters;
  const meters = `threads ${m.threads} · EAGAIN ${m.eagain} · replies ${m.replies} · ${cpuNow(view, t)}`;
  return [...words, nar.text, nar.detail ?? '', stage, log, meters].join('\n');
}

describe('predict, then reveal: what would give each answer away is not on the page before the reveal', () => {
  it('every question has an entry, and every entry a question', () => {
    const ids = stops.map(({ lesson, item }) => `${lesson.n}:${item.id}`);
    expect(ids.length).toBe(30);
    expect(ids.slice().sort()).toEqual(Object.keys(TABLE).sort());
  });

  for (const { lesson, item } of stops) {
    const id = `${lesson.n}:${item.id}`;
    it(`lesson ${id}`, () => {
      const entry = TABLE[id]!;
      const ctx = itemContext(lesson, item);
      const at = item.at(ctx);
      const q = item.question!;
      const reveal = q.revealAt ? q.revealAt(ctx) : at;
      const page = { en: pageText(lesson, item, at, 'en'), zh: pageText(lesson, item, at, 'zh') };
      if (entry.kind === 'observe') {
        expect(reveal, `${id}: ${entry.why}`).toBe(at);
        entry.agrees?.(page);
        return;
      }
      expect(at, `${id} asks about what comes next`).toBeLessThan(reveal);
      for (const lang of ['en', 'zh'] as const) {
        for (const re of [...(entry.give.any ?? []), ...(entry.give[lang] ?? [])]) {
          expect(page[lang], `${id} (${lang}) at step ${at} shows ${re}`).not.toMatch(re);
        }
      }
      // The patterns do find the answer once it is revealed (they are not patterns that can never match).
      const after = { en: pageText(lesson, item, reveal, 'en'), zh: pageText(lesson, item, reveal, 'zh') };
      const all = [...(entry.give.any ?? []), ...(entry.give.en ?? [])];
      expect(
        all.some((re) => re.test(after.en)) || (entry.give.zh ?? []).some((re) => re.test(after.zh)),
        `${id}: none of its giveaways shows even at the reveal (step ${reveal})`,
      ).toBe(true);
    });
  }
});

describe('item 10: lesson 8’s select question says where ann’s and cat’s bytes are, as the stage draws them', () => {
  it('on the wire at the question’s step (not yet in their buffers), in both languages', () => {
    const { lesson, item } = stops.find((s) => s.lesson.n === 8 && s.item.id === 'predict')!;
    const at = item.at(itemContext(lesson, item));
    const en = pageText(lesson, item, at, 'en');
    const zh = pageText(lesson, item, at, 'zh');
    expect(en).toMatch(/DATA 5 B ¦ b'hello' ¦ ann/);
    expect(en).toMatch(/DATA 3 B ¦ b'hey' ¦ cat/);
    expect(en).not.toMatch(/While it does, ann’s `hello` and cat’s `hey` land in their socket buffers\./);
    expect(en).toMatch(/`hey` are on the wire/);
    expect(zh).not.toMatch(/就在这时，ann 的 `hello` 和 cat 的 `hey` 落进了各自的套接字缓冲区/);
    expect(zh).toMatch(/还在网络上/);
  });
});
