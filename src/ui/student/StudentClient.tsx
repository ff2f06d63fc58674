/**
 * "You, as a client": the student joins the run at the current step — connects a client of their
 * own (or drives one of the scenario's), sends a message, closes or resets — and the simulation
 * continues from there. The steps so far stay as they are; the next steps show the consequences.
 * What is added is part of the scenario and of the link (src/scenarios/student.ts, ./actions.ts).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useLab, useLabApi, useT, useView, type T } from '../hooks.ts';
import type { Scenario } from '../../scenarios/format.ts';
import {
  actionAtMs,
  additionsOf,
  formatAtMs as ms,
  newClientName,
  type Addition,
  type StudentProblem,
} from '../../scenarios/student.ts';
import { translateClient } from '../../narration/you.ts';
import { useReasonText } from '../reason-text.ts';
import { studentAct, studentUndo, type Outcome } from './actions.ts';
import './student.css';

/** Up to this many clients are listed to pick from; beyond, the student types a name. */
const MAX_LISTED = 100;

/** What the last action did, shown while the student stays on that step of that scenario. */
type Feedback = { step: number; scenario: Scenario } & (
  { ok: true; text: string } | { ok: false; problem: StudentProblem }
);

export function describeAddition(t: T, a: Addition): string {
  return t(`student.item.${a.do}`, { client: a.client, data: a.data ?? '' });
}

export function StudentClient() {
  const t = useT();
  const api = useLabApi();
  const scenario = useLab((s) => s.scenario);
  const { view, step } = useView();
  const additions = additionsOf(scenario);
  // Per scenario, not per step: a 10,000-client machine re-renders this panel on every step.
  const { fresh, names } = useMemo(
    () => ({ fresh: newClientName(scenario), names: scenario.clients.map((c) => c.name) }),
    [scenario],
  );

  const [picked, setPicked] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const lang = useLab((s) => s.lang);
  // Sentences about a client: the student's own is "your client", not "you has…".
  const tc: T = useMemo(() => (key, params) => translateClient(lang, key, params), [lang]);
  const listed = names.length <= MAX_LISTED;
  const typedName = typed.trim();
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  // Open when the student has acted (a link with their actions, or actions added): their clients are here.
  const [open, setOpen] = useState(additions.length > 0);
  const [seen, setSeen] = useState(additions.length);
  if (seen !== additions.length) {
    setSeen(additions.length);
    if (additions.length > seen) setOpen(true);
  }
  const ids = useId();

  // null: a new client. A client that is gone (its actions taken back) falls back to a new one.
  // A typed name that is no client yet is a new client of that name.
  const client = listed ? (picked !== null && names.includes(picked) ? picked : null) : typedName || null;
  const target = client ?? fresh;
  const shown = feedback && feedback.step === step && feedback.scenario === scenario ? feedback : null;
  // A problem is worded when shown, so a validator's message in it is translated once its words arrive.
  const { say } = useReasonText([shown?.ok === false ? shown.problem.reason : undefined]);
  const problemText =
    shown && !shown.ok
      ? tc(shown.problem.key, {
          ...shown.problem.params,
          ...(shown.problem.reason ? { reason: say(shown.problem.reason) } : {}),
        })
      : '';

  const report = (out: Outcome, done: (a: Addition) => string) => {
    const now = api.getState();
    setFeedback(
      out.ok
        ? { step: now.step, scenario: now.scenario, ok: true, text: done(out.addition) }
        : { step: now.step, scenario: now.scenario, ok: false, problem: out.problem },
    );
  };
  const act = (kind: Addition['do']) => {
    // The kernel drops what a client sends after the server closed its connection: say so instead.
    const out: Outcome =
      kind === 'send' && view.clients[target]?.state === 'server-gone'
        ? { ok: false, problem: { key: 'student.problem.serverGone', params: { client: target } } }
        : studentAct(api, target, kind, kind === 'send' ? text : undefined);
    report(out, (a) => t('student.done', { what: describeAddition(tc, a) }));
    if (out.ok && kind === 'connect' && client === null) {
      setPicked(target);
      if (!listed) setTyped(target);
    }
    if (out.ok && kind === 'send') setText('');
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    act('send');
  };
  const undo = (i: number) =>
    report(studentUndo(api, i), (a) => t('student.undone', { what: describeAddition(tc, a) }));

  const stateOf = (name: string): string => t(`stage.client.${view.clients[name]?.state ?? 'idle'}`);

  return (
    <section className="panel st-panel" aria-labelledby={`${ids}-title`} data-testid="student">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id={`${ids}-title`}>{t('student.title')}</h2>
          <span className="st-hint">{t('student.hint')}</span>
          {additions.length > 0 ? <span className="st-count">{additions.length}</span> : null}
        </summary>
        {open ? (
          <div className="st-body">
            <div className="st-row">
              <label className="st-field">
                <span>{t('student.client')}</span>
                {listed ? (
                  <select
                    value={client ?? ''}
                    onChange={(e) => setPicked(e.target.value === '' ? null : e.target.value)}
                  >
                    <option value="">{t('student.client.new', { name: fresh })}</option>
                    {names.map((name) => (
                      <option key={name} value={name}>
                        {t('student.client.state', { name, state: stateOf(name) })}
                      </option>
                    ))}
                  </select>
                ) : (
                  // Thousands of clients make a list no one scrolls (and a slow step): type a name instead.
                  <input
                    type="text"
                    value={typed}
                    maxLength={64}
                    placeholder={t('student.client.new', { name: fresh })}
                    aria-describedby={`${ids}-many`}
                    onChange={(e) => setTyped(e.target.value)}
                  />
                )}
              </label>
              <button type="button" onClick={() => act('connect')}>
                {t('student.connect')}
              </button>
              <button type="button" onClick={() => act('close')}>
                {t('student.close')}
              </button>
              <button type="button" onClick={() => act('reset')}>
                {t('student.reset')}
              </button>
            </div>
            {listed ? null : (
              <p className="st-when" id={`${ids}-many`}>
                {t('student.client.many', {
                  n: names.length.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
                  example: names[0] ?? '',
                })}
                {typedName !== ''
                  ? ` ${names.includes(typedName) ? t('student.client.state', { name: typedName, state: stateOf(typedName) }) : t('student.client.new', { name: typedName })}`
                  : ''}
              </p>
            )}
            <form className="st-row" onSubmit={send}>
              <label className="st-field st-grow">
                <span>{t('student.message')}</span>
                <input type="text" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
              </label>
              <button type="submit">{t('student.send')}</button>
            </form>
            <p className="st-when">{t('student.when', { time: ms(actionAtMs(view.t)) })}</p>
            <div className="st-feedback" role="status">
              {shown?.ok ? <p className="st-done">{shown.text}</p> : null}
            </div>
            {shown && !shown.ok ? (
              <p className="st-problem" role="alert">
                {problemText}
              </p>
            ) : null}
            <h3>{t('student.added')}</h3>
            {additions.length === 0 ? (
              <p className="st-none">{t('student.none')}</p>
            ) : (
              <ol className="st-list">
                {additions.map((a, i) => {
                  const what = describeAddition(tc, a);
                  return (
                    <li key={`${i}-${a.client}-${a.at}-${a.do}`}>
                      <span className="st-what">{what}</span>
                      <span className="st-at">{t('student.item.at', { time: ms(a.at) })}</span>
                      <button
                        type="button"
                        className="st-undo"
                        aria-label={t('student.remove.label', { what })}
                        onClick={() => undo(i)}
                      >
                        {t('student.remove')}
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
          </div>
        ) : null}
      </details>
    </section>
  );
}
