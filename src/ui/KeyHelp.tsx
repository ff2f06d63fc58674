/**
 * The key map, per mode (`?` opens and closes it; Esc closes): the lab, the stage view, a
 * lesson's presentation. The keys themselves are in keyboard.ts and LessonPage.tsx.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from './hooks.ts';
import { isTextEntry } from './keyboard.ts';
import './stage-view.css';

type Row = readonly [keys: string, what: string];
const MODES: readonly (readonly [title: string, rows: readonly Row[]])[] = [
  [
    'keys.lab',
    [
      ['→ ←', 'keys.step'],
      ['PgDn PgUp', 'keys.jump10'],
      ['Space', 'keys.play'],
      ['Home End', 'keys.ends'],
      ['] [', 'keys.moment'],
      ['F', 'keys.stageView'],
      ['P', 'keys.presentToggle'],
      ['?', 'keys.help'],
    ],
  ],
  [
    'keys.stage',
    [
      ['→ ← PgDn PgUp', 'keys.step'],
      ['] [', 'keys.moment'],
      ['Space', 'keys.play'],
      ['B .', 'keys.blank'],
      ['Esc F', 'keys.leave'],
    ],
  ],
  [
    'keys.present',
    [
      ['→ ← PgDn PgUp', 'keys.presentStep'],
      ['B .', 'keys.blank'],
      ['F', 'keys.stageView'],
      ['Esc', 'keys.leave'],
      ['P', 'keys.presentToggle'],
    ],
  ],
];

export function KeyHelp() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      if (isTextEntry(e.target instanceof Element ? e.target : null)) return;
      if (e.key === '?') {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (e.key === 'Escape' && open) {
        e.preventDefault();
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="key-help"
      role="dialog"
      aria-label={t('keys.title')}
      data-testid="key-help"
    >
      <div className="key-help-head">
        <h2>{t('keys.title')}</h2>
        <button type="button" onClick={() => setOpen(false)}>
          {t('keys.close')}
        </button>
      </div>
      {MODES.map(([title, rows]) => (
        <section key={title}>
          <h3>{t(title)}</h3>
          <dl>
            {rows.map(([keys, what]) => (
              <div key={keys + what}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{t(what)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
