/**
 * Plays a motion plan over the stage (D3 transitions on an SVG laid over the stage's SVG, same
 * viewBox). The stage underneath already shows the new step; what a ghost brings is hidden until
 * it arrives, so the picture at the end is exactly the new step's. `finish()` jumps to the end
 * (a new step, a click or a key), and restores every attribute it touched.
 * Loaded lazily (after the first paint): none of this is in the initial download.
 */
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { Box, Hide, Move, MotionInput } from './moves.ts';
import { planMotion } from './moves.ts';
import './motion.css';
import { ensureMessages, translate } from '../../../i18n/index.ts';
import type { Lang } from '../../../i18n/core.ts';

/**
 * The motion's words (its tokens' labels, `motion.*`, kept with the lab's side panels' words:
 * one more file would cost every visitor's first download its loader), in the page's language
 * (`<html lang>` follows the store's).
 */
const MOTION_WORDS = ['side'] as const;
const pageLang = (): Lang => (document.documentElement.lang.startsWith('zh') ? 'zh' : 'en');
const wordsIn = new Set<Lang>();
const loadWords = (lang: Lang): Promise<void> =>
  ensureMessages(lang, MOTION_WORDS).then(
    () => {
      wordsIn.add(lang);
    },
    () => undefined,
  );
// The words of the language on screen arrive with this code.
await loadWords(pageLang());

export { planMotion };

export interface Running {
  finish(): void;
  readonly done: boolean;
}

export interface PlayArgs extends MotionInput {
  /** The stage section (gets data-animating) and the stage's SVG. */
  stage: HTMLElement;
  svg: SVGSVGElement;
  /** Longest time the animation may take (ms): shorter than a step of playback. */
  maxMs: number;
  /** Below this the animation is not worth drawing (ms). */
  minMs?: number;
}

const NS = 'http://www.w3.org/2000/svg';

/** Starts the animation of one step; null when there is nothing to animate (or no time for it). */
export function playMotion(args: PlayArgs): Running | null {
  // Just switched language: this step goes without motion while its words come (never in the other language).
  const lang = pageLang();
  if (!wordsIn.has(lang)) {
    void loadWords(lang);
    return null;
  }
  const say = (m: Move): Move => (m.label ? { ...m, text: translate(lang, m.label.key, m.label.params) } : m);
  const plan = planMotion(args);
  const total = Math.min(plan.weight, args.maxMs);
  if (plan.moves.length === 0 || total < (args.minMs ?? 120)) return null;
  const { stage, svg } = args;
  const host = svg.parentElement;
  if (!host) return null;

  const layer = document.createElementNS(NS, 'svg');
  layer.setAttribute('class', 'motion-layer');
  layer.setAttribute('aria-hidden', 'true');
  for (const a of ['viewBox', 'width', 'height', 'preserveAspectRatio']) {
    const v = svg.getAttribute(a);
    if (v !== null) layer.setAttribute(a, v);
  }
  // Exactly over the stage's drawing (a block at the top left of its scrolling box), scrolling
  // with it; placed by CSS, so starting costs no layout.
  host.appendChild(layer);
  stage.setAttribute('data-animating', 'true');

  // What a ghost brings stays hidden until it lands: an attribute of our own (React never sets
  // it; motion.css hides it), removed again, so the markup ends exactly as React made it.
  const hidden = new Set<Element>();
  const hide = (el: Element): void => {
    hidden.add(el);
    el.setAttribute('data-mv-hidden', '');
  };
  const restore = (el: Element): void => {
    if (hidden.delete(el)) el.removeAttribute('data-mv-hidden');
  };
  const targets = (h: Hide): Element[] => {
    const g = svg.querySelector(`[data-key="${CSS.escape(h.key)}"]`);
    if (!g) return [];
    if (h.cell !== undefined) {
      const cells = [...g.querySelectorAll('rect')].filter(
        (r) => /(^| )cell( |$)/.test(r.getAttribute('class') ?? '') && !r.classList.contains('cell-empty'),
      );
      const rect = cells[h.cell];
      if (!rect) return [];
      const glyph = rect.nextElementSibling;
      return glyph && glyph.tagName.toLowerCase() === 'text' ? [rect, glyph] : [rect];
    }
    if (h.sel) return [...g.querySelectorAll(h.sel)];
    return [g];
  };

  const root = select(layer);
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    root.selectAll('*').interrupt();
    root.interrupt();
    layer.remove();
    for (const el of [...hidden]) restore(el);
    stage.removeAttribute('data-animating');
  };

  for (const m of plan.moves) {
    const els = (m.hide ?? []).flatMap(targets);
    els.forEach(hide);
    drawMove(root, say(m), total, () => els.forEach(restore));
  }
  // The whole animation ends at `total`, whatever the moves did.
  root.transition('motion-end').duration(total).on('end', finish);
  return {
    finish,
    get done() {
      return done;
    },
  };
}

/** Easings (d3-ease's cubic curves, written out: one less module). */
const easeCubicInOut = (t: number): number => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);
const easeCubicOut = (t: number): number => 1 - (1 - t) ** 3;

const center = (b: Box): [number, number] => [b.x + b.w / 2, b.y + b.h / 2];

function tokenWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 11 : 6.3;
  return Math.ceil(w + 12);
}

function drawMove(
  root: Selection<SVGSVGElement, unknown, null, undefined>,
  m: Move,
  total: number,
  land: () => void,
): void {
  const delay = Math.max(0, m.t0 * total);
  const dur = Math.max(1, (m.t1 - m.t0) * total);
  if (m.shape === 'ring') {
    const b = m.path[0]!;
    const ring = root
      .append('rect')
      .attr('class', `mv-ring mv-${m.cls.split(' ').join(' mv-')}`)
      .attr('x', b.x - 3)
      .attr('y', b.y - 3)
      .attr('width', b.w + 6)
      .attr('height', b.h + 6)
      .attr('rx', 5)
      .attr('opacity', 0);
    ring
      .transition()
      .delay(delay)
      .duration(Math.min(120, dur / 2))
      .attr('opacity', 1)
      .on('start', land)
      .transition()
      .duration(Math.max(1, dur - Math.min(120, dur / 2)))
      .attr('opacity', m.cls.includes('ready') ? 1 : 0.15);
    return;
  }
  const g = root
    .append('g')
    .attr(
      'class',
      `mv mv-${m.shape} ${m.cls
        .split(' ')
        .map((c) => `mv-${c}`)
        .join(' ')}`,
    )
    .attr('opacity', 0);
  let w: number;
  let h: number;
  if (m.shape === 'cell') {
    w = 10;
    h = 15;
    g.append('rect').attr('class', 'mv-body').attr('width', w).attr('height', h).attr('rx', 2);
    g.append('text')
      .attr('class', 'mv-text')
      .attr('x', w / 2)
      .attr('y', 11)
      .attr('text-anchor', 'middle')
      .text(m.text);
  } else {
    w = tokenWidth(m.text);
    h = 18;
    g.append('rect').attr('class', 'mv-body').attr('width', w).attr('height', h).attr('rx', 9);
    g.append('text')
      .attr('class', 'mv-text')
      .attr('x', w / 2)
      .attr('y', 13)
      .attr('text-anchor', 'middle')
      .text(m.text);
  }
  // Cells go corner to corner (they land exactly on their cell); tokens centre to centre.
  const at = (b: Box): string => {
    if (m.shape === 'cell') return `translate(${b.x},${b.y})`;
    const [cx, cy] = center(b);
    return `translate(${cx - w / 2},${cy - h / 2})`;
  };
  g.attr('transform', at(m.path[0]!));
  const fadeDur = m.fade ? Math.min(160, dur * 0.25) : 0;
  const appear = Math.min(90, dur / 4);
  const legs = Math.max(1, m.path.length - 1);
  const legDur = Math.max(1, (dur - fadeDur - appear) / legs);
  let tr = g
    .transition()
    .delay(delay)
    .duration(appear)
    .attr('opacity', 1)
    .transition()
    .duration(legDur)
    .ease(legs === 1 ? easeCubicInOut : easeCubicOut)
    .attr('transform', at(m.path[1] ?? m.path[0]!));
  for (let i = 2; i < m.path.length; i++)
    tr = tr.transition().duration(legDur).ease(easeCubicInOut).attr('transform', at(m.path[i]!));
  if (m.fade) tr = tr.transition().duration(fadeDur).attr('opacity', 0);
  tr.on('end', () => {
    land();
    g.remove();
  });
}
