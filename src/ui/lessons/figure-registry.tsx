/**
 * Figures by name: `src/ui/lessons/figures/<Name>.tsx` default-exports a component that takes
 * the FigureRef's props. Found by glob and loaded on first use, so a new figure needs no edit here.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { FigureRef } from '../../lessons/types.ts';
import { useT } from '../hooks.ts';

export type FigureProps = Record<string, string | number | boolean>;
type FigureModule = { default: ComponentType<FigureProps> };

const FILES = import.meta.glob<FigureModule>(['./figures/*.tsx', '!./figures/*.test.tsx']);
const loaded = new Map<string, LazyExoticComponent<ComponentType<FigureProps>>>();

/** The names of every figure there is (for tests and the lessons' checks). */
export const FIGURE_NAMES: readonly string[] = Object.keys(FILES).map((p) => p.replace(/^.*\/|\.tsx$/g, ''));

function figureComponent(name: string): LazyExoticComponent<ComponentType<FigureProps>> | null {
  const hit = loaded.get(name);
  if (hit) return hit;
  const load = FILES[`./figures/${name}.tsx`];
  if (!load) return null;
  const component = lazy(load);
  loaded.set(name, component);
  return component;
}

export function Figure({ figure }: { figure: FigureRef }) {
  const t = useT();
  const Component = figureComponent(figure.name);
  if (!Component)
    return (
      <p className="lesson-figure-missing" role="alert">
        {t('lessons.figure.missing', { name: figure.name })}
      </p>
    );
  return (
    <div className="lesson-figure" data-figure={figure.name}>
      <Suspense fallback={<p className="page-loading">{t('lessons.figure.loading')}</p>}>
        <Component {...(figure.props ?? {})} />
      </Suspense>
    </div>
  );
}
