/**
 * The lab's file bar: open a scenario file (picker or drop anywhere on the page), save the
 * scenario, the trace, the system-call log and the stage at this step, and a printable handout.
 * A refused file lists every problem with its field, and the scenario on screen stays.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useLab, useLabApi, useRun, useT } from '../hooks.ts';
import type { FileResult } from './import.ts';
import { useVisibleSteps } from '../controls/use-visible.ts';
import { scenarioLinkParam, tooBigForLink } from '../../scenarios/link.ts';
import { notRunNotice, prepareRun } from '../run-first.ts';
import { useValidatorWords } from '../reason-text.ts';
import './share.css';

const SHOWN_PROBLEMS = 50;
/** Writing files is needed only when a button is pressed: its code is not in the first download. */
const files = () => import('./files.ts');
const saving = () => import('../download.ts');
/** Saves a file that files.ts makes, once both modules are loaded. */
const save = (name: string, make: (f: Awaited<ReturnType<typeof files>>) => string, type?: string) =>
  Promise.all([files(), saving()]).then(([f, d]) => d.download(name, make(f), type));

export function ShareBar() {
  const t = useT();
  const api = useLabApi();
  const scenario = useLab((s) => s.scenario);
  const { run } = useRun();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<Extract<FileResult, { ok: false }> | null>(null);
  const validatorWords = useValidatorWords(refused !== null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);
  // The address bar is the link (url-sync.ts keeps it current, without lang=).
  const copyLink = () => {
    const done = (state: 'done' | 'failed') => {
      setCopied(state);
      setTimeout(() => setCopied(null), 2500);
    };
    try {
      navigator.clipboard.writeText(window.location.href).then(
        () => done('done'),
        () => done('failed'),
      );
    } catch {
      done('failed');
    }
  };

  const open = async (file: File) => {
    const { readScenarioFile } = await import('./import.ts');
    // A big file is read in the simulation worker, whose page part is a download of its own.
    const readInWorker = (bytes: ArrayBuffer) =>
      import('../simulating.ts').then((m) => m.readInWorker(bytes));
    const result = await readScenarioFile(file, readInWorker);
    if (!result.ok) {
      setRefused(result);
      return;
    }
    setRefused(null);
    const s = result.scenario;
    if (s.model === 'python') {
      // A student's own program: the playground loads the interpreter and runs it.
      const { handToPlayground } = await import('../playground/handoff.ts');
      handToPlayground(s);
      api.getState().openPage('playground');
      api
        .getState()
        .notify({ key: 'share.opened', params: { title: s.title[api.getState().lang], file: result.file } });
      return;
    }
    // Say what is happening; a large scenario runs in the simulation worker, with a Cancel.
    setBusy(t('share.opening', { title: s.title[api.getState().lang], clients: s.clients.length }));
    try {
      const prepared = await prepareRun(s, s.seed, api.getState().lang);
      const st = api.getState();
      if (!prepared.ok) {
        st.notify(notRunNotice(s, st.lang, prepared, st.scenario.title[st.lang]));
        return;
      }
      st.setScenario(s);
      api
        .getState()
        .notify({ key: 'share.opened', params: { title: s.title[api.getState().lang], file: result.file } });
    } finally {
      setBusy(null);
    }
  };

  // Drop a file anywhere on the page.
  useEffect(() => {
    const hasFile = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const over = (e: DragEvent) => {
      if (hasFile(e)) {
        e.preventDefault();
        setDragging(true);
      }
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFile(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void open(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
    // open reads the store when called; it needs no re-subscription
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const picture = async (kind: 'svg' | 'png') => {
    const base = `${scenario.id}-step-${api.getState().step}`;
    const svg = document.querySelector<SVGSVGElement>('[data-testid="stage"] svg.stage-svg');
    if (!svg) return;
    try {
      const { download, standaloneSvg, svgToPng } = await saving();
      const out = standaloneSvg(svg);
      if (kind === 'svg') download(`${base}.svg`, out.text, 'image/svg+xml');
      else download(`${base}.png`, await svgToPng(out));
    } catch (err) {
      api.getState().notify({ key: 'share.pictureFailed', params: { message: (err as Error).message } });
    }
  };
  // A scenario of one's own (edited, from a file or a link) travels whole in the handout's link (`s=`).
  const carried = useMemo(
    () => (tooBigForLink(scenario) ? undefined : scenarioLinkParam(scenario)),
    [scenario],
  );

  // On a phone the bar folds into one line that opens on demand: the stage comes first.
  const narrow = useNarrow();
  const row = (
    <div className="share-row">
      <button type="button" onClick={copyLink} title={t('share.copyLink.title')} data-testid="copy-link">
        {t('share.copyLink')}
      </button>
      {copied ? (
        <span role="status" className="share-copied">
          {t(copied === 'done' ? 'share.copyLink.done' : 'share.copyLink.failed')}
        </span>
      ) : null}
      <button type="button" className="share-open" onClick={() => input.current?.click()}>
        {t('share.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="scenario-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void open(f);
        }}
      />
      <span className="share-hint">{t('share.open.hint')}</span>
      <div className="share-save" role="group" aria-label={t('share.save')}>
        <span aria-hidden="true">{t('share.save')}:</span>
        <button
          type="button"
          onClick={() =>
            void save(`${scenario.id}.json`, (f) => f.scenarioFile(scenario), 'application/json')
          }
        >
          {t('share.save.scenario')}
        </button>
        <button
          type="button"
          onClick={() => void save(`${scenario.id}-trace.json`, (f) => f.traceFile(run), 'application/json')}
        >
          {t('share.save.trace')}
        </button>
        <button
          type="button"
          onClick={() => void save(`${scenario.id}.strace.txt`, (f) => f.straceFile(run))}
        >
          {t('share.save.log')}
        </button>
        <button type="button" onClick={() => void picture('svg')}>
          {t('share.save.svg')}
        </button>
        <button type="button" onClick={() => void picture('png')}>
          {t('share.save.png')}
        </button>
      </div>
      {carried !== undefined ? <HandoutLink scenarioId={scenario.id} carried={carried} /> : null}
    </div>
  );
  return (
    <section className="share" aria-label={t('share.region')}>
      {narrow ? (
        <details className="share-fold">
          <summary>{t('share.fold')}</summary>
          {row}
        </details>
      ) : (
        row
      )}
      {busy ? (
        <p className="share-busy" role="status">
          {busy}
        </p>
      ) : null}
      {refused ? (
        <div className="share-refused" role="alert" data-testid="import-problems">
          <p>
            <strong>{t('share.refused', { file: refused.file, count: refused.problems.length })}</strong>
          </p>
          <ul>
            {refused.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.key ? t(p.key, p.params) : validatorWords(p.message)}
              </li>
            ))}
          </ul>
          {refused.problems.length > SHOWN_PROBLEMS ? (
            <p>{t('share.more', { n: refused.problems.length - SHOWN_PROBLEMS })}</p>
          ) : null}
          <button type="button" onClick={() => setRefused(null)}>
            {t('share.refused.close')}
          </button>
        </div>
      ) : null}
      {dragging ? (
        <div className="share-drop" aria-hidden="true">
          <p>{t('share.drop')}</p>
        </div>
      ) : null}
    </section>
  );
}

const NARROW = '(max-width: 700px)';
/**
 * The handout: a handful of steps spread over the run and this one, as still pictures with their
 * narration. The one part of the bar that follows the step.
 */
function HandoutLink({ scenarioId, carried }: { scenarioId: string; carried: string | null }) {
  const t = useT();
  const step = useLab((s) => s.step);
  const visible = useVisibleSteps();
  const picks = [
    ...new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((f) => visible[Math.floor(f * (visible.length - 1))] ?? 0)),
  ];
  const handout = `#/handout?scenario=${encodeURIComponent(scenarioId)}&steps=${[...new Set([step, ...picks])].sort((a, b) => a - b).join(',')}${carried ? `&s=${carried}` : ''}`;
  return (
    <a className="share-handout" href={handout}>
      {t('share.handout')}
    </a>
  );
}

/** One query list for the page: matchMedia() on every render (React asks for the snapshot several times a step) evaluated the query each time. */
let narrowQuery: MediaQueryList | null = null;
const narrowList = (): MediaQueryList => (narrowQuery ??= window.matchMedia(NARROW));

function useNarrow(): boolean {
  return useSyncExternalStore(
    (fn) => {
      const m = narrowList();
      m.addEventListener('change', fn);
      return () => m.removeEventListener('change', fn);
    },
    () => narrowList().matches,
  );
}
