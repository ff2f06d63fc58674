/**
 * When the student moves one step forward, animate what changed (the motion code is loaded
 * after the first paint, so it is not in the initial download). No motion on jumps, scrubs or
 * steps back, with reduced motion (the system's or the setting's), or when playback is too fast
 * for it; any new step, click or key skips a running animation to its end.
 */
import { bisectRight } from 'd3-array';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { MachineView } from '../../../kernel/view.ts';
import type { TraceIndex } from '../../../kernel/trace-index.ts';
import type { StageLayout } from '../layout.ts';
import { stepRange } from '../facts.ts';
import { useLab } from '../../hooks.ts';
import { useVisibleSteps } from '../../controls/use-visible.ts';
import type { Running, playMotion } from './play.ts';

interface PlayModule {
  playMotion: typeof playMotion;
}
let loaded: PlayModule | null = null;
let loading: Promise<PlayModule> | null = null;

function loadMotion(): Promise<PlayModule> {
  loading ??= import('./play.ts').then((m) => {
    loaded = m;
    document.documentElement.dataset.motion = 'ready';
    return m;
  });
  return loading;
}

/** Whether the system asks for reduced motion, following changes. */
function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(query);
    const on = (): void => setReduced(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/** The visible step right after `step`, or null. */
function nextVisible(steps: readonly number[], step: number): number | null {
  return steps[bisectRight(steps, step)] ?? null;
}

export interface MotionArgs {
  stage: RefObject<HTMLElement | null>;
  svg: RefObject<SVGSVGElement | null>;
  layout: StageLayout;
  step: number;
  index: TraceIndex;
  view: MachineView;
}

export function useMotion({ stage, svg, layout, step, index, view }: MotionArgs): void {
  const setting = useLab((s) => s.motion);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const reduced = usePrefersReducedMotion();
  const visible = useVisibleSteps();
  const on = setting === 'on' || (setting === 'auto' && !reduced);
  const prev = useRef<{ step: number; layout: StageLayout; index: TraceIndex; view: MachineView } | null>(
    null,
  );
  const running = useRef<Running | null>(null);

  // Load the motion code once the page has drawn (only when motion is wanted).
  useEffect(() => {
    if (!on || loaded) return;
    const id = window.setTimeout(() => {
      void loadMotion();
    }, 200);
    return () => window.clearTimeout(id);
  }, [on]);

  // Any click or key skips the running animation to its end.
  useEffect(() => {
    const skip = (): void => {
      running.current?.finish();
    };
    window.addEventListener('pointerdown', skip, true);
    window.addEventListener('keydown', skip, true);
    return () => {
      window.removeEventListener('pointerdown', skip, true);
      window.removeEventListener('keydown', skip, true);
      running.current?.finish();
    };
  }, []);

  // Before the browser paints the new step: hide what will arrive, and start the ghosts.
  useLayoutEffect(() => {
    const p = prev.current;
    prev.current = { step, layout, index, view };
    // The same step drawn again (the box settled after the new picture): let the animation go on.
    if (p && p.step === step && p.index === index && on) return;
    running.current?.finish();
    running.current = null;
    if (!on || !loaded || !p || p.index !== index || p.step === step) return;
    if (nextVisible(visible, p.step) !== step) return;
    const st = stage.current;
    const el = svg.current;
    if (!st || !el) return;
    const [start, end] = stepRange(index, step);
    // While playing, an animation ends well before the next step comes.
    const maxMs = playing ? 0.7 * (1000 / speed) : 1e9;
    running.current = loaded.playMotion({
      stage: st,
      svg: el,
      maxMs,
      events: index.trace.slice(start, end),
      before: p.view,
      view,
      from: p.layout.nodes,
      to: layout.nodes,
    });
  }, [on, layout, step, index, view, visible, playing, speed, stage, svg]);
}
