/**
 * What the lab can hand out as files: the scenario (its JSON, as the CLI reads it), the trace
 * (JSON), the system-call log (text, as `npm run sim -- <id> --format strace` prints it), and the
 * stage at this step as a picture that looks the same outside the page (SVG or PNG).
 */
import type { Scenario } from '../../scenarios/format.ts';
import type { ScenarioRun } from '../../scenarios/run.ts';
import { toStrace } from '../../kernel/strace-log.ts';

export const TRACE_FORMAT = 'iolab/trace@1';

export function scenarioFile(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

export function traceFile(run: ScenarioRun): string {
  return JSON.stringify({
    format: TRACE_FORMAT, scenario: run.scenario.id, model: run.scenario.model, seed: run.seed,
    stopReason: run.stopReason, events: run.trace,
  });
}

export function straceFile(run: ScenarioRun): string {
  return `${toStrace(run)}\n`;
}

/** Saves text or a blob as a download named `name`. */
export function download(name: string, content: string | Blob, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What an SVG element's look depends on, copied from the computed style so no style sheet is needed. */
const PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'stroke-opacity',
  'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing',
  'visibility', 'display', 'color', 'paint-order', 'filter', 'marker-start', 'marker-end',
] as const;

/**
 * A standalone copy of an SVG drawn with CSS classes and custom properties: every element gets
 * its computed style inline, the size in pixels, and a background in the page's panel colour.
 */
export function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    const cs = getComputedStyle(el);
    const style = PROPS.map((p) => {
      const v = cs.getPropertyValue(p);
      return v && v !== 'normal' && v !== 'none' || p === 'fill' || p === 'stroke' ? `${p}:${v}` : '';
    }).filter(Boolean).join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  });
  const box = svg.viewBox.baseVal;
  const width = Math.ceil(box && box.width ? box.width : svg.clientWidth);
  const height = Math.ceil(box && box.height ? box.height : svg.clientHeight);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('role');
  const label = svg.getAttribute('aria-label');
  if (label) {
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = label;
    clone.insertBefore(title, clone.firstChild);
  }
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(svg.closest('.panel') ?? document.body).backgroundColor || '#ffffff');
  clone.insertBefore(bg, clone.querySelector('title')?.nextSibling ?? clone.firstChild);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`, width, height };
}

/** The SVG painted on a canvas at `scale`: a PNG. */
export function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(svg.width * scale));
      canvas.height = Math.max(1, Math.round(svg.height * scale));
      const ctx = canvas.getContext('2d');
      if (!ctx) { URL.revokeObjectURL(url); reject(new Error('no 2D canvas')); return; }
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))), 'image/png');
    };
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error('the picture could not be drawn')); };
    img.src = url;
  });
}
