/**
 * "Your own server": a student's Python program in a CodeMirror editor, the clients of a shipped
 * scenario, Run. The program runs in the Python worker (src/runs/python-client.ts: real CPython
 * against the simulated kernel, with a progress bar and Cancel); its run is then shown by the
 * lab's own views (the same LabPage: stage, narration, code panel with the student's lines, log,
 * meters, step and seek). An error is shown at its line in the editor, with CPython's message.
 * Page parameter `s` = the program's scenario (src/scenarios/link.ts), written after each run:
 * a link or a reload opens the program with its clients and runs it again.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLab, useLabApi, useT } from '../hooks.ts';
import { LabPage } from '../App.tsx';
import { CodeEditor, type EditorError } from './CodeEditor.tsx';
import { LISTINGS, type ListingName } from '../../programs/listings.generated.ts';
import { listingsFor, useListings } from '../listings.ts';
import type { Lang } from '../../i18n/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { validateScenario, type Scenario } from '../../scenarios/format.ts';
import { decodeScenario, encodeScenario, tooBigForLink } from '../../scenarios/link.ts';
import { formatHash } from '../../store/url.ts';
import { hasRun, putRun } from '../../runs/runs.ts';
import { APP_MAX_EVENTS } from '../../runs/simulate.ts';
import { cancelPython, runPythonInWorker } from '../../runs/python-client.ts';
import type { PythonReport } from '../../python/engine.ts';
import { browserStorage } from '../editor/kept.ts';
import { receiveHanded } from './handoff.ts';
import { keepForOffline } from '../share/offline.ts';
import {
  CLIENT_SETS,
  PLAYGROUND_ID,
  DEFAULT_BUDGET_MS,
  DEFAULT_CLIENTS,
  MAX_BUDGET_MS,
  STARTER,
  clientSetOf,
  loadPlaygroundDraft,
  programScenario,
  savePlaygroundDraft,
} from './program.ts';
import './playground.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'loading' | 'running' }
  | { kind: 'done'; report: PythonReport; loadMs: number; runMs: number; frameMs: number; budgetMs: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

type LinkNote = 'copied' | 'failed' | { n: number; max: number } | null;

const LISTING_NAMES = Object.keys(LISTINGS)
  .filter((n) => n !== 'client')
  .sort();

/**
 * Where the page starts: the link's program (`s=`), else a shipped listing asked for by the lab's
 * code panel (`listing=`), else the draft kept in this browser, else the starter.
 */
function firstState(
  s: string | undefined,
  listing: string | undefined,
  lang: Lang,
): { source: string; clients: string; budgetMs: number; linked: Scenario | null } {
  const linked = s !== undefined ? decodeScenario(s) : null;
  const kept = loadPlaygroundDraft(browserStorage());
  if (!linked && listing !== undefined && Object.hasOwn(LISTINGS, listing)) {
    return {
      source: listingsFor(lang)[listing as keyof typeof LISTINGS],
      clients: kept?.clients ?? DEFAULT_CLIENTS,
      budgetMs: kept?.budgetMs ?? DEFAULT_BUDGET_MS,
      linked: null,
    };
  }
  if (linked?.ok && linked.scenario.program) {
    return {
      source: linked.scenario.program.source,
      clients: clientSetOf(linked.scenario),
      budgetMs: DEFAULT_BUDGET_MS,
      linked: linked.scenario,
    };
  }
  return kept
    ? { ...kept, linked: null }
    : { source: STARTER, clients: DEFAULT_CLIENTS, budgetMs: DEFAULT_BUDGET_MS, linked: null };
}

export default function PlaygroundPage() {
  const t = useT();
  const api = useLabApi();
  const lang = useLab((s) => s.lang);
  const params = useLab((s) => s.pageParams);
  const shown = useLab(
    (s) => s.scenario.model === 'python' && s.scenario.id === PLAYGROUND_ID && hasRun(s.scenario, s.seed),
  );
  const [first] = useState(() => firstState(params.s, params.listing, lang));
  const listings = useListings();
  const [source, setSource] = useState(first.source);
  const [clients, setClients] = useState(first.clients);
  const [budgetMs, setBudgetMs] = useState(first.budgetMs);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [error, setError] = useState<EditorError | null>(null);
  const [kept, setKept] = useState(true);
  const [link, setLink] = useState<LinkNote>(null);
  const [start, setStart] = useState(LISTING_NAMES.includes('blocking') ? 'blocking' : 'blank');
  const ids = useId();
  const written = useRef<string | undefined>(params.s);

  // Keep the program as it is typed (not a link's program until the student changes it), a
  // little after each change and at once on leaving the page (a reload within 250 ms lost it).
  const keep = useRef<() => void>(() => {});
  keep.current = () => {
    if (first.linked && source === first.source) return;
    setKept(savePlaygroundDraft(browserStorage(), { source, clients, budgetMs }));
  };
  useEffect(() => {
    const timer = window.setTimeout(() => keep.current(), 250);
    return () => window.clearTimeout(timer);
  }, [source, clients, budgetMs, first]);
  useEffect(() => {
    const now = () => keep.current();
    window.addEventListener('pagehide', now);
    return () => {
      window.removeEventListener('pagehide', now);
      now();
    };
  }, []);

  // A shipped listing left as it is follows the page's language: its comments (the code is the same).
  useEffect(() => {
    if (first.linked) return;
    setSource((s) => {
      const name = LISTING_NAMES.find(
        (n) => s === LISTINGS[n as ListingName] || s === listingsFor('zh')[n as ListingName],
      );
      return name === undefined ? s : listings[name as ListingName];
    });
  }, [listings, first]);

  const run = useCallback(
    async (scenario: Scenario, budget: number, atStep = 0) => {
      const v = validateScenario(JSON.parse(JSON.stringify(scenario)));
      if (!v.ok) {
        setStatus({
          kind: 'failed',
          message: t('playground.invalid', {
            problems: v.problems.map((p) => `${p.path} ${p.message}`).join('; '),
          }),
        });
        return;
      }
      setError(null);
      setLink(null);
      setStatus({ kind: 'running' });
      const t0 = performance.now();
      try {
        const r = await runPythonInWorker(
          { scenario, options: { keepTrace: true, maxEvents: APP_MAX_EVENTS, cpuBudgetMs: budget } },
          (stage) => setStatus({ kind: stage }),
        );
        putRun(scenario, scenario.seed, r.run);
        keepForOffline(r.files);
        const st = api.getState();
        st.setScenario(scenario, { step: atStep });
        const value = tooBigForLink(scenario) ? undefined : encodeScenario(scenario);
        written.current = value;
        st.setPageParams(value ? { s: value } : {});
        const report = r.run.python!;
        if (report.outcome !== 'ok') setError({ line: report.line, message: report.message });
        await new Promise((done) => requestAnimationFrame(() => done(null)));
        setStatus({
          kind: 'done',
          report,
          loadMs: r.loadMs,
          runMs: r.runMs,
          frameMs: Math.round(performance.now() - t0),
          budgetMs: budget,
        });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        setStatus(message === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', message });
      }
    },
    [api, t],
  );

  const runNow = () => {
    const from = findScenario(clients) ?? findScenario(DEFAULT_CLIENTS)!;
    void run(programScenario(source, from), budgetMs);
  };

  // A link's program runs as the page opens; a file handed over by the lab's file bar too.
  useEffect(() => {
    if (first.linked) void run(first.linked, first.budgetMs, api.getState().step);
    return receiveHanded((s) => {
      setSource(s.program?.source ?? '');
      setClients(clientSetOf(s));
      void run(s, budgetMs);
    });
    // Once, as the page opens; the receiver reads the budget set then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Another link pasted while the page is open.
  useEffect(() => {
    if (params.s === undefined || params.s === written.current) return;
    written.current = params.s;
    const linked = decodeScenario(params.s);
    if (!linked.ok || !linked.scenario.program) return;
    setSource(linked.scenario.program.source);
    setClients(clientSetOf(linked.scenario));
    void run(linked.scenario, budgetMs);
  }, [params.s, run, budgetMs]);

  // A listing asked for once: a reload keeps the student's edits (the draft), not the listing again.
  useEffect(() => {
    const st = api.getState();
    if (st.pageParams.listing === undefined) return;
    const { listing: _listing, ...rest } = st.pageParams;
    st.setPageParams(rest);
  }, [api]);

  // Leaving the page stops a run still going.
  useEffect(
    () => () => {
      cancelPython();
    },
    [],
  );

  const busy = status.kind === 'loading' || status.kind === 'running';
  const cancel = () => {
    cancelPython();
    setStatus({ kind: 'cancelled' });
  };

  const copyLink = () => {
    const from = findScenario(clients) ?? findScenario(DEFAULT_CLIENTS)!;
    const scenario = programScenario(source, from);
    const over = tooBigForLink(scenario);
    if (over) {
      setLink({ n: over.n, max: over.max });
      return;
    }
    const href = `${window.location.href.split('#')[0]}${formatHash({ page: 'playground', scenarioId: '', seed: null, step: 0, params: { s: encodeScenario(scenario) } })}`;
    navigator.clipboard.writeText(href).then(
      () => setLink('copied'),
      () => setLink('failed'),
    );
  };

  const replace = () => {
    if (!window.confirm(t('playground.start.confirm'))) return;
    setSource(start === 'blank' ? '' : listings[start as keyof typeof LISTINGS]);
    setError(null);
  };

  const fmt = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  return (
    <div className="pg-wrap">
      <article className="page page-playground" data-testid="playground">
        <h1>{t('playground.title')}</h1>
        <p className="pg-intro">{t('playground.intro')}</p>
        <div className="pg-start">
          <label htmlFor={`${ids}-start`}>{t('playground.start')}</label>
          <select id={`${ids}-start`} value={start} onChange={(e) => setStart(e.target.value)}>
            <option value="blank">{t('playground.start.blank')}</option>
            {LISTING_NAMES.map((n) => (
              <option key={n} value={n}>
                {t('playground.start.listing', { file: `${n}.py` })}
              </option>
            ))}
          </select>
          <button type="button" onClick={replace}>
            {t('playground.start.load')}
          </button>
        </div>
        <h2 className="pg-label" id={`${ids}-editor`}>
          {t('playground.editor')}
        </h2>
        <CodeEditor value={source} onChange={setSource} error={error} label={t('playground.editor')} />
        <p className="pg-kept" role="status">
          {kept ? t('playground.draft.kept') : t('playground.draft.notKept')}
        </p>
        <div className="pg-row">
          <label>
            <span>{t('playground.clients')}</span>
            <select
              value={clients}
              onChange={(e) => setClients(e.target.value)}
              data-testid="playground-clients"
            >
              {CLIENT_SETS.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('playground.clients.option', {
                    title: c.title[lang],
                    n: c.clients.length + (c.idleConnections ?? 0),
                  })}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('playground.budget')}</span>
            <input
              type="number"
              min={1}
              max={MAX_BUDGET_MS}
              step={1}
              value={budgetMs}
              data-testid="playground-budget"
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isFinite(n)) setBudgetMs(Math.min(MAX_BUDGET_MS, Math.max(1, Math.round(n))));
              }}
            />
          </label>
        </div>
        <div className="pg-row pg-actions">
          <button
            type="button"
            className="pg-run"
            onClick={runNow}
            disabled={busy}
            data-testid="playground-run"
          >
            {t('playground.run')}
          </button>
          {busy ? (
            <button type="button" onClick={cancel} data-testid="playground-cancel">
              {t('playground.cancel')}
            </button>
          ) : null}
          <button type="button" onClick={copyLink} data-testid="playground-copy-link">
            {t('playground.copyLink')}
          </button>
        </div>
        {link ? (
          <p className="pg-note" role="status" data-testid="playground-link-note">
            {link === 'copied'
              ? t('playground.link.copied')
              : link === 'failed'
                ? t('playground.link.failed')
                : t('playground.link.tooLong', { n: fmt(link.n), max: fmt(link.max) })}
          </p>
        ) : null}
        {busy ? (
          <div className="pg-progress" role="status" data-testid="playground-progress">
            <progress
              aria-label={t('playground.progress')}
              {...(status.kind === 'running' ? { max: 2, value: 1 } : {})}
            />
            <span>
              {t(status.kind === 'loading' ? 'playground.stage.loading' : 'playground.stage.running')}
            </span>
          </div>
        ) : null}
        {status.kind === 'cancelled' ? (
          <p className="pg-note" role="status">
            {t('playground.cancelled')}
          </p>
        ) : null}
        {status.kind === 'failed' ? (
          <p className="pg-error" role="alert">
            {t('playground.failed', { message: status.message })}
          </p>
        ) : null}
        {status.kind === 'done' ? <Outcome status={status} /> : null}
      </article>
      {shown ? <LabPage /> : null}
    </div>
  );
}

function Outcome({ status }: { status: Extract<Status, { kind: 'done' }> }) {
  const t = useT();
  const { report } = status;
  const figures = {
    'data-load-ms': status.loadMs,
    'data-run-ms': status.runMs,
    'data-frame-ms': status.frameMs,
  };
  if (report.outcome === 'ok') {
    return (
      <div className="pg-ok" role="status" data-testid="playground-outcome" data-outcome="ok" {...figures}>
        <p>{t('playground.ran', { calls: report.calls, load: status.loadMs, run: status.runMs })}</p>
        {report.listenAtNs === null ? <p>{t('playground.error.noListen')}</p> : null}
      </div>
    );
  }
  return (
    <div
      className="pg-error"
      role="alert"
      data-testid="playground-outcome"
      data-outcome={report.outcome}
      data-line={report.line}
      {...figures}
    >
      <p>
        {t(`playground.error.${report.outcome}`, {
          line: report.line,
          ms: status.budgetMs,
          max: MAX_BUDGET_MS,
        })}
      </p>
      {report.outcome === 'cpu-budget' || report.outcome === 'output-cap' ? null : (
        <pre lang="en" data-testid="playground-traceback">
          <code>{report.traceback || report.message}</code>
        </pre>
      )}
    </div>
  );
}
