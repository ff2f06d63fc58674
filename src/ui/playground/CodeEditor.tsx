/**
 * The playground's Python editor: CodeMirror 6 with Python highlighting, and the error of the
 * last run shown at its line (a lint mark with CPython's message). It is in the playground's
 * own chunk, so the first download does not carry it.
 */
import { useEffect, useRef } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { HighlightStyle, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';

export interface EditorError {
  line: number;
  message: string;
}

interface Props {
  value: string;
  onChange: (text: string) => void;
  error: EditorError | null;
  label: string;
}

/**
 * CodeMirror's own colours, each through a CSS variable (`--cm-708` for #708…) that
 * playground.css sets lighter in the dark theme; the light theme keeps CodeMirror's colours.
 */
const colours = syntaxHighlighting(
  HighlightStyle.define(
    defaultHighlightStyle.specs.map((spec) => {
      const colour = typeof spec.color === 'string' ? spec.color : null;
      return colour?.startsWith('#') ? { ...spec, color: `var(--cm-${colour.slice(1)}, ${colour})` } : spec;
    }),
  ),
);

const theme = EditorView.theme({
  '&': {
    fontSize: '0.9rem',
    border: '1px solid var(--border, #8886)',
    borderRadius: '6px',
    background: 'var(--panel-bg, transparent)',
  },
  '.cm-scroller': { fontFamily: 'var(--font-mono, monospace)', maxHeight: '22rem', minHeight: '12rem' },
  '.cm-gutters': { background: 'transparent' },
});

export function CodeEditor({ value, onChange, error, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          colours,
          basicSetup,
          python(),
          lintGutter(),
          theme,
          EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'program-editor' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is made once; later values come through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new program from outside (a link, a file, the starter): replace the text.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const diagnostics: Diagnostic[] = [];
    if (error && error.line >= 1 && error.line <= v.state.doc.lines) {
      const line = v.state.doc.line(error.line);
      diagnostics.push({
        from: line.from,
        to: Math.max(line.from, line.to),
        severity: 'error',
        message: error.message,
      });
    }
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [error, value]);

  return <div ref={host} className="pg-editor" data-error-line={error?.line ?? undefined} />;
}
