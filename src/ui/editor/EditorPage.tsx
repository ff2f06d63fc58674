/**
 * The scenario editor for teachers: a form for the model, its options, the clients and their
 * actions, checked live by the format's validator (the CLI's), with each problem at its field;
 * the JSON it makes (copy, download) and a button that opens the result on the stage.
 * Page parameter: `from` = a shipped scenario's id or `blank` (absent: the scenario on the stage).
 * The draft is kept in this browser as the teacher types (kept.ts) and comes back after a reload,
 * Back or a crash, whatever `from` says; "Start over from this" replaces it (asking first when it
 * has changes not yet opened, downloaded or copied).
 */
import { notRunNotice, prepareRun } from '../simulating.ts';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLab, useLabApi, useT, type T } from '../hooks.ts';
import { download } from '../download.ts';
import { SCENARIOS, findScenario } from '../../scenarios/index.ts';
import {
  MODELS,
  OPTION_SPECS,
  defaultUntilMs,
  validateScenario,
  type Scenario,
} from '../../scenarios/format.ts';
import {
  ACTION_KINDS,
  OPTION_KEYS,
  appliesTo,
  blankDraft,
  canonicalJson,
  draftOf,
  fieldId,
  moved,
  nextAction,
  nextClientName,
  numberOf,
  optionChoices,
  optionKind,
  problemsByPath,
  scenarioOf,
  type Draft,
  type DraftAction,
  type DraftClient,
  type OptionKey,
} from './draft.ts';
import { localProblem } from './problems.ts';
import { browserStorage, loadDraft, saveDraft, type KeptDraft } from './kept.ts';
import { formatHash } from '../../store/url.ts';
import { scenarioLinkParam, tooBigForLink, type TooBigForLink } from '../../scenarios/link.ts';
import './editor.css';

type Problems = Map<string, string[]>;

/** Where the editor starts: `from` if it names a shipped scenario or `blank`, else the stage's scenario. */
function startOf(from: string | undefined, stage: Scenario): { draft: Draft; bad: string | null } {
  if (from === undefined || from === '') return { draft: draftOf(stage), bad: null };
  if (from === 'blank') return { draft: blankDraft(), bad: null };
  const found = findScenario(from);
  return found ? { draft: draftOf(found), bad: null } : { draft: draftOf(stage), bad: from };
}

const textOf = (d: Draft): string => JSON.stringify(scenarioOf(d), null, 2);

/** The draft kept in this browser if there is one (a reload, Back or a crash gives it back), else where `from` says. */
function firstDraft(
  from: string | undefined,
  stage: Scenario,
): { kept: KeptDraft; bad: string | null; restored: boolean } {
  const known = from === undefined || from === '' || from === 'blank' || findScenario(from) !== undefined;
  const restored = loadDraft(browserStorage());
  if (restored) return { kept: restored, bad: known ? null : from!, restored: true };
  const start = startOf(from, stage);
  const text = textOf(start.draft);
  return {
    kept: { draft: start.draft, from: start.bad === null ? (from ?? '') : '', saved: text, start: text },
    bad: start.bad,
    restored: false,
  };
}

/** How long typing may go on before the draft is written to storage (and at once on leaving). */
const KEEP_AFTER_MS = 250;

export default function EditorPage() {
  const t = useT();
  const api = useLabApi();
  const lang = useLab((s) => s.lang);
  const stage = useLab((s) => s.scenario);
  const params = useLab((s) => s.pageParams);
  const [first] = useState(() => firstDraft(params.from, stage));
  const [draft, setDraft] = useState<Draft>(first.kept.draft);
  // What the draft started from, and its JSON then and when last taken somewhere (see KeptDraft).
  const [origin, setOrigin] = useState({ from: first.kept.from, start: first.kept.start });
  const [saved, setSaved] = useState(first.kept.saved);
  const [restored, setRestored] = useState(first.restored);
  const [keptOk, setKeptOk] = useState(true);
  const [from, setFrom] = useState(first.bad === null ? (params.from ?? first.kept.from) : '');
  const [copied, setCopied] = useState<'ok' | 'link' | 'failed' | TooBigForLink | null>(null);
  // A copied link opens in the reader's language, unless the sender asks for theirs.
  const [inLang, setInLang] = useState(false);
  const ids = useId();

  useEffect(() => {
    if (first.bad === null) return;
    const st = api.getState();
    st.notify({ key: 'editor.notice.badFrom', params: { from: first.bad.slice(0, 40) } });
    const rest = { ...st.pageParams };
    delete rest.from;
    st.setPageParams(rest);
  }, [api, first.bad]);

  const json = useMemo(() => scenarioOf(draft), [draft]);
  const text = useMemo(() => JSON.stringify(json, null, 2), [json]);
  const validation = useMemo(() => validateScenario(json), [json]);
  const problems: Problems = useMemo(
    () => problemsByPath(validation.ok ? [] : validation.problems),
    [validation],
  );
  const list = validation.ok ? [] : validation.problems;

  // The draft is kept as the teacher types (a little after, and at once on leaving the page).
  const dirty = text !== saved;
  const keep = useRef<() => void>(() => {});
  keep.current = () =>
    setKeptOk(saveDraft(browserStorage(), { draft, from: origin.from, saved, start: origin.start }, text));
  useEffect(() => {
    const timer = window.setTimeout(() => keep.current(), KEEP_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [draft, origin, saved]);
  useEffect(() => {
    const now = () => keep.current();
    window.addEventListener('pagehide', now);
    return () => {
      window.removeEventListener('pagehide', now);
      now();
    };
  }, []);
  // Leaving the site (reload, close, another address) with changes not yet opened, downloaded or
  // copied asks first; in-app links leave the draft kept, and Back brings it back.
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      keep.current();
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  const edit = (change: (d: Draft) => Draft) => {
    setDraft(change);
    setCopied(null);
    setRestored(false);
  };
  const load = () => {
    if (dirty && !window.confirm(t('editor.start.confirm'))) return;
    const next = from === 'blank' ? blankDraft() : draftOf(findScenario(from) ?? stage);
    const nextText = textOf(next);
    setDraft(next);
    setOrigin({ from, start: nextText });
    setSaved(nextText);
    setRestored(false);
    setCopied(null);
    const rest = { ...api.getState().pageParams };
    if (from === '') delete rest.from;
    else rest.from = from;
    api.getState().setPageParams(rest);
  };
  const open = async () => {
    if (!validation.ok) return;
    const scenario = validation.scenario;
    setSaved(text);
    // A large draft runs in the simulation worker, with its progress and a Cancel (src/ui/simulating.ts).
    const prepared = await prepareRun(scenario, scenario.seed, api.getState().lang);
    const st = api.getState();
    if (!prepared.ok) {
      st.notify(notRunNotice(scenario, st.lang, prepared, st.scenario.title[st.lang]));
      return;
    }
    st.setScenario(scenario, { seed: scenario.seed, step: 0 });
    st.openPage('lab');
  };
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => {
        setCopied('ok');
        setSaved(text);
      },
      () => setCopied('failed'),
    );
  };
  // The lab's link to this scenario: the whole scenario travels in it (`s=`) unless it is a shipped
  // one as shipped. One the reader would refuse (too long, too many connections) is not made: the
  // editor says why and offers the file. Worked out on a press, not on every key.
  const copyLink = () => {
    if (!validation.ok) return;
    const over = tooBigForLink(validation.scenario);
    if (over) {
      setCopied(over);
      return;
    }
    const link = `${window.location.href.split('#')[0]}${formatHash({ scenarioId: validation.scenario.id, seed: null, step: 0, lang: inLang ? lang : null, scenario: scenarioLinkParam(validation.scenario) })}`;
    navigator.clipboard.writeText(link).then(
      () => {
        setCopied('link');
        setSaved(text);
      },
      () => setCopied('failed'),
    );
  };
  const file = `${typeof json.id === 'string' && /^[a-z0-9-]+$/.test(json.id) ? json.id : 'scenario'}.json`;
  const saveJson = () => {
    download(file, `${text}\n`, 'application/json');
    setSaved(text);
  };
  const focusField = (path: string) => {
    let p = path;
    // A problem with a list or a group: the closest field that exists.
    for (;;) {
      const el = document.getElementById(fieldId(p));
      if (el) {
        el.focus();
        return;
      }
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return;
      p = p.slice(0, cut);
    }
  };

  const model = draft.model;
  const shownOptions = OPTION_KEYS.filter((k) => appliesTo(k, model) || (draft.options[k] ?? '') !== '');
  const setOption = (key: OptionKey, value: string) =>
    edit((d) => {
      const options = { ...d.options };
      if (value === '') delete options[key];
      else options[key] = value;
      return { ...d, options };
    });
  const setClient = (i: number, change: (c: DraftClient) => DraftClient) =>
    edit((d) => ({ ...d, clients: d.clients.map((c, j) => (j === i ? change(c) : c)) }));
  const setAction = (i: number, j: number, change: Partial<DraftAction>) =>
    setClient(i, (c) => ({ ...c, actions: c.actions.map((a, k) => (k === j ? { ...a, ...change } : a)) }));
  const untilHint = String(
    defaultUntilMs({
      clients: draft.clients.map((c) => ({
        name: c.name,
        actions: c.actions.map((a) => ({ at: Number(numberOf(a.at)) || 0, do: 'connect' as const })),
      })),
    } as Scenario),
  );
  const shipped = findScenario(draft.id);
  const shippedId = shipped !== undefined && canonicalJson(shipped) !== canonicalJson(json);

  return (
    <article className="page page-editor">
      <h2>{t('editor.title')}</h2>
      <p className="ed-intro">{t('editor.intro')}</p>
      <div className="ed-start">
        <label htmlFor={`${ids}-from`}>{t('editor.start')}</label>
        <select id={`${ids}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{t('editor.start.stage', { title: stage.title[lang] })}</option>
          <option value="blank">{t('editor.start.blank')}</option>
          {SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title[lang]}
            </option>
          ))}
        </select>
        <button type="button" onClick={load}>
          {t('editor.start.load')}
        </button>
      </div>
      <p className="ed-hint ed-kept" role="status" data-testid="editor-kept">
        {!keptOk
          ? t('editor.draft.notKept')
          : restored
            ? t('editor.draft.restored')
            : text !== origin.start
              ? t('editor.draft.kept')
              : ''}
      </p>

      <div className="ed-layout">
        <form className="ed-form" noValidate onSubmit={(e) => e.preventDefault()}>
          <fieldset className="ed-group">
            <legend>{t('editor.section.scenario')}</legend>
            <Field
              path="id"
              label={t('editor.field.id')}
              hint={t('editor.field.id.hint')}
              problems={problems}
              t={t}
              warning={shippedId ? t('editor.field.id.shipped') : undefined}
            >
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={draft.id}
                  spellCheck={false}
                  onChange={(e) => edit((d) => ({ ...d, id: e.target.value }))}
                />
              )}
            </Field>
            <div className="ed-pair">
              <Field path="title.en" label={t('editor.field.titleEn')} problems={problems} t={t}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    lang="en"
                    value={draft.title.en}
                    onChange={(e) => edit((d) => ({ ...d, title: { ...d.title, en: e.target.value } }))}
                  />
                )}
              </Field>
              <Field path="title.zh" label={t('editor.field.titleZh')} problems={problems} t={t}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    lang="zh"
                    value={draft.title.zh}
                    onChange={(e) => edit((d) => ({ ...d, title: { ...d.title, zh: e.target.value } }))}
                  />
                )}
              </Field>
            </div>
            <Errors path="title" problems={problems} t={t} />
            <div className="ed-pair">
              <Field path="description.en" label={t('editor.field.descEn')} problems={problems} t={t}>
                {(p) => (
                  <textarea
                    {...p}
                    lang="en"
                    rows={2}
                    value={draft.description.en}
                    onChange={(e) =>
                      edit((d) => ({ ...d, description: { ...d.description, en: e.target.value } }))
                    }
                  />
                )}
              </Field>
              <Field path="description.zh" label={t('editor.field.descZh')} problems={problems} t={t}>
                {(p) => (
                  <textarea
                    {...p}
                    lang="zh"
                    rows={2}
                    value={draft.description.zh}
                    onChange={(e) =>
                      edit((d) => ({ ...d, description: { ...d.description, zh: e.target.value } }))
                    }
                  />
                )}
              </Field>
            </div>
            <div className="ed-pair">
              <Field path="model" label={t('editor.field.model')} problems={problems} t={t}>
                {(p) => (
                  <select
                    {...p}
                    value={draft.model}
                    onChange={(e) => edit((d) => ({ ...d, model: e.target.value }))}
                  >
                    {MODELS.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                path="seed"
                label={t('editor.field.seed')}
                hint={t('editor.field.seed.hint')}
                problems={problems}
                t={t}
              >
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    inputMode="numeric"
                    value={draft.seed}
                    onChange={(e) => edit((d) => ({ ...d, seed: e.target.value }))}
                  />
                )}
              </Field>
            </div>
            <div className="ed-pair">
              <Field
                path="untilMs"
                label={t('editor.field.untilMs')}
                hint={t('editor.field.untilMs.hint', { ms: untilHint })}
                problems={problems}
                t={t}
              >
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    inputMode="decimal"
                    value={draft.untilMs}
                    placeholder={untilHint}
                    onChange={(e) => edit((d) => ({ ...d, untilMs: e.target.value }))}
                  />
                )}
              </Field>
              <Field
                path="idleConnections"
                label={t('editor.field.idle')}
                hint={t('editor.field.idle.hint')}
                problems={problems}
                t={t}
              >
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    inputMode="numeric"
                    value={draft.idleConnections}
                    placeholder="0"
                    onChange={(e) => edit((d) => ({ ...d, idleConnections: e.target.value }))}
                  />
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className="ed-group">
            <legend>{t('editor.section.options', { model })}</legend>
            <p className="ed-hint">{t('editor.options.hint')}</p>
            <Errors path="options" problems={problems} t={t} />
            <div className="ed-options">
              {shownOptions.map((key) => (
                <OptionField
                  key={key}
                  name={key}
                  model={model}
                  value={draft.options[key] ?? ''}
                  problems={problems}
                  t={t}
                  onChange={(v) => setOption(key, v)}
                />
              ))}
            </div>
          </fieldset>

          <fieldset className="ed-group">
            <legend>{t('editor.section.clients')}</legend>
            <Errors path="clients" problems={problems} t={t} />
            {draft.clients.length === 0 ? <p className="ed-hint">{t('editor.clients.none')}</p> : null}
            {draft.clients.map((c, i) => (
              <ClientFields
                key={i}
                index={i}
                client={c}
                count={draft.clients.length}
                problems={problems}
                t={t}
                onName={(name) => setClient(i, (x) => ({ ...x, name }))}
                onMove={(delta) => edit((d) => ({ ...d, clients: moved(d.clients, i, delta) }))}
                onRemove={() => edit((d) => ({ ...d, clients: d.clients.filter((_, j) => j !== i) }))}
                onAction={(j, change) => setAction(i, j, change)}
                onMoveAction={(j, delta) =>
                  setClient(i, (x) => ({ ...x, actions: moved(x.actions, j, delta) }))
                }
                onRemoveAction={(j) =>
                  setClient(i, (x) => ({ ...x, actions: x.actions.filter((_, k) => k !== j) }))
                }
                onAddAction={() => setClient(i, (x) => ({ ...x, actions: [...x.actions, nextAction(x)] }))}
              />
            ))}
            <button
              type="button"
              onClick={() =>
                edit((d) => ({
                  ...d,
                  clients: [
                    ...d.clients,
                    { name: nextClientName(d), actions: [{ at: '0', do: 'connect', data: '' }] },
                  ],
                }))
              }
            >
              {t('editor.client.add')}
            </button>
          </fieldset>
        </form>

        <aside className="ed-side" aria-labelledby={`${ids}-json`}>
          <div
            className="ed-status"
            role="status"
            data-testid="editor-status"
            data-valid={String(validation.ok)}
          >
            {validation.ok ? (
              <p className="ed-ok">{t('editor.status.ok')}</p>
            ) : (
              <>
                <p className="ed-bad">{t('editor.status.problems', { n: list.length })}</p>
                <ul className="ed-problems">
                  {list.slice(0, 12).map((p, i) => (
                    <li key={i}>
                      <button type="button" className="ed-link" onClick={() => focusField(p.path)}>
                        <code>{p.path}</code>
                      </button>{' '}
                      <Local message={p.message} t={t} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div className="ed-buttons">
            <button
              type="button"
              className="ed-primary"
              aria-disabled={!validation.ok}
              aria-describedby={validation.ok ? undefined : `${ids}-blocked`}
              onClick={() => void open()}
            >
              {t('editor.open')}
            </button>
            <button type="button" onClick={copy}>
              {t('editor.json.copy')}
            </button>
            <button
              type="button"
              data-testid="editor-copy-link"
              aria-disabled={!validation.ok}
              aria-describedby={validation.ok ? undefined : `${ids}-blocked`}
              onClick={copyLink}
            >
              {t('editor.link.copy')}
            </button>
            <button type="button" onClick={saveJson}>
              {t('editor.json.download', { file })}
            </button>
          </div>
          <label className="ed-hint ed-inlang">
            <input
              type="checkbox"
              checked={inLang}
              data-testid="editor-link-lang"
              onChange={(e) => {
                setInLang(e.target.checked);
                setCopied(null);
              }}
            />{' '}
            {t('editor.link.inLang', { language: t(`app.language.${lang}`) })}
          </label>
          {validation.ok ? null : (
            <p id={`${ids}-blocked`} className="ed-hint">
              {t('editor.open.blocked')}
            </p>
          )}
          <div className="ed-hint" role="status" data-testid="editor-copied">
            {typeof copied === 'object' && copied !== null ? (
              <p className="ed-warn">
                {t(copied.why === 'chars' ? 'editor.link.tooLong' : 'editor.link.tooMany', {
                  n: copied.n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
                  max: copied.max.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
                })}{' '}
                <button type="button" onClick={saveJson}>
                  {t('editor.link.saveInstead', { file })}
                </button>
              </p>
            ) : (
              <p>
                {copied === 'ok'
                  ? t('editor.json.copied')
                  : copied === 'link'
                    ? t('editor.link.copied')
                    : copied === 'failed'
                      ? t('editor.json.copyFailed')
                      : ''}
              </p>
            )}
          </div>
          <h3 id={`${ids}-json`}>{t('editor.section.json')}</h3>
          <pre className="ed-json" data-testid="editor-json" tabIndex={0} aria-labelledby={`${ids}-json`}>
            {text}
          </pre>
        </aside>
      </div>
    </article>
  );
}

interface InputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** One labelled input, its hint and its problems (linked to it with aria-describedby). */
function Field({
  path,
  label,
  hint,
  warning,
  problems,
  t,
  children,
  errorsBelow = false,
}: {
  path: string;
  label: ReactNode;
  hint?: string | undefined;
  warning?: string | undefined;
  problems: Problems;
  t: T;
  children: (p: InputProps) => ReactNode;
  /** The problems are drawn by the row below (an action's fields sit side by side). */
  errorsBelow?: boolean;
}) {
  const id = fieldId(path);
  const errors = problems.get(path) ?? [];
  const described = [hint ? `${id}-hint` : '', warning ? `${id}-warn` : '', errors.length ? `${id}-err` : '']
    .filter(Boolean)
    .join(' ');
  const props: InputProps = {
    id,
    ...(errors.length ? { 'aria-invalid': true as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
  return (
    <div className="ed-field" data-invalid={errors.length > 0 ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {children(props)}
      {hint ? (
        <p id={`${id}-hint`} className="ed-hint">
          {hint}
        </p>
      ) : null}
      {warning ? (
        <p id={`${id}-warn`} className="ed-warn">
          {warning}
        </p>
      ) : null}
      {errors.length && !errorsBelow ? <ProblemText id={`${id}-err`} messages={errors} t={t} /> : null}
    </div>
  );
}

function ProblemText({ id, messages, t }: { id?: string; messages: string[]; t: T }) {
  return (
    <p id={id} className="ed-error">
      <span className="ed-error-tag">{t('editor.problem')}</span>{' '}
      {messages.map((m, i) => (
        <Local key={i} message={m} t={t} sep={i > 0} />
      ))}
    </p>
  );
}

/** A validator message in the reader's language (English when no rule knows it). */
function Local({ message, t, sep = false }: { message: string; t: T; sep?: boolean }) {
  const local = localProblem(t, message);
  return (
    <>
      {sep ? '; ' : null}
      <span lang={local.translated ? undefined : 'en'}>{local.text}</span>
    </>
  );
}

/** Problems with a group (a list, an object) rather than one field. */
function Errors({ path, problems, t }: { path: string; problems: Problems; t: T }) {
  const errors = problems.get(path);
  return errors ? <ProblemText id={`${fieldId(path)}-err`} messages={errors} t={t} /> : null;
}

function OptionField({
  name,
  model,
  value,
  problems,
  t,
  onChange,
}: {
  name: OptionKey;
  model: string;
  value: string;
  problems: Problems;
  t: T;
  onChange: (v: string) => void;
}) {
  const spec = OPTION_SPECS[name];
  const kind = optionKind(name);
  const shownDefault = JSON.stringify(spec.default);
  const applies = appliesTo(name, model);
  const hint = [
    t(`editor.opt.${name}`),
    kind === 'lines'
      ? t('editor.option.metaDefault', { value: shownDefault })
      : t('editor.option.meta', { range: spec.doc.range, value: shownDefault }),
  ]
    .concat(applies ? [] : [t('editor.option.notApplicable', { model })])
    .join(' ');
  return (
    <Field path={`options.${name}`} label={<code>{name}</code>} hint={hint} problems={problems} t={t}>
      {(p) => (
        <div className="ed-inline">
          {kind === 'choice' ? (
            <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
              <option value="">{t('editor.option.default', { value: String(spec.default) })}</option>
              {optionChoices(name).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          ) : kind === 'lines' ? (
            <textarea {...p} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
          ) : (
            <input
              {...p}
              type="text"
              inputMode="decimal"
              value={value}
              placeholder={String(spec.default)}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
          {applies ? null : (
            <button type="button" onClick={() => onChange('')}>
              {t('editor.option.remove', { name })}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}

function ClientFields({
  index,
  client,
  count,
  problems,
  t,
  onName,
  onMove,
  onRemove,
  onAction,
  onMoveAction,
  onRemoveAction,
  onAddAction,
}: {
  index: number;
  client: DraftClient;
  count: number;
  problems: Problems;
  t: T;
  onName: (name: string) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  onAction: (j: number, change: Partial<DraftAction>) => void;
  onMoveAction: (j: number, delta: number) => void;
  onRemoveAction: (j: number) => void;
  onAddAction: () => void;
}) {
  const base = `clients[${index}]`;
  const name = client.name || '…';
  return (
    <fieldset className="ed-client" data-testid={`editor-client-${index}`}>
      <legend>{t('editor.client.legend', { n: index + 1, name })}</legend>
      <div className="ed-client-head">
        <Field path={`${base}.name`} label={t('editor.client.name')} problems={problems} t={t}>
          {(p) => <input {...p} type="text" value={client.name} onChange={(e) => onName(e.target.value)} />}
        </Field>
        <div className="ed-tools">
          <button
            type="button"
            aria-label={t('editor.client.up', { name })}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={t('editor.client.down', { name })}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" aria-label={t('editor.client.remove', { name })} onClick={onRemove}>
            ✕
          </button>
        </div>
      </div>
      <Errors path={base} problems={problems} t={t} />
      <Errors path={`${base}.actions`} problems={problems} t={t} />
      <ol className="ed-actions" aria-label={t('editor.actions', { name })}>
        {client.actions.map((a, j) => {
          const ap = `${base}.actions[${j}]`;
          return (
            <li key={j} className="ed-action">
              <span className="ed-action-n" aria-hidden="true">
                {j + 1}
              </span>
              <Field errorsBelow path={`${ap}.at`} label={t('editor.action.at')} problems={problems} t={t}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    inputMode="decimal"
                    className="ed-at"
                    value={a.at}
                    onChange={(e) => onAction(j, { at: e.target.value })}
                  />
                )}
              </Field>
              <Field errorsBelow path={`${ap}.do`} label={t('editor.action.do')} problems={problems} t={t}>
                {(p) => (
                  <select {...p} value={a.do} onChange={(e) => onAction(j, { do: e.target.value })}>
                    {ACTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`editor.action.${k}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {a.do === 'send' ? (
                <Field
                  errorsBelow
                  path={`${ap}.data`}
                  label={t('editor.action.data')}
                  problems={problems}
                  t={t}
                >
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      className="ed-data"
                      value={a.data}
                      onChange={(e) => onAction(j, { data: e.target.value })}
                    />
                  )}
                </Field>
              ) : null}
              <div className="ed-tools">
                <button
                  type="button"
                  aria-label={t('editor.action.up', { n: j + 1, name })}
                  disabled={j === 0}
                  onClick={() => onMoveAction(j, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('editor.action.down', { n: j + 1, name })}
                  disabled={j === client.actions.length - 1}
                  onClick={() => onMoveAction(j, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('editor.action.remove', { n: j + 1, name })}
                  onClick={() => onRemoveAction(j)}
                >
                  ✕
                </button>
              </div>
              {['', '.at', '.do', '.data'].map((part) => (
                <Errors key={part} path={`${ap}${part}`} problems={problems} t={t} />
              ))}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={onAddAction}>
        {t('editor.action.add')}
      </button>
    </fieldset>
  );
}
