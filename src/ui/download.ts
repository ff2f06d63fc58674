/**
 * Files the page hands out: a download of text or a blob, an SVG that looks the same outside the
 * page (its computed styles written in), and a PNG painted from such an SVG. The lab's file bar,
 * the C10K lab's charts and the scenario editor all save through here.
 */

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

export const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A copy of `svg` whose elements carry their computed style for `props`, so the file needs no
 * style sheet (CSS classes and custom properties do not travel). `as: 'style'` writes one style
 * attribute per element (leaving out `normal` and `none`, but never fill or stroke) and drops the
 * classes; `as: 'attributes'` writes each set property as a presentation attribute.
 */
export function withComputedStyles(
  svg: SVGSVGElement,
  props: readonly string[],
  as: 'style' | 'attributes',
): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    const cs = getComputedStyle(el);
    if (as === 'attributes') {
      for (const p of props) {
        const v = cs.getPropertyValue(p);
        if (v) target.setAttribute(p, v);
      }
      return;
    }
    const style = props
      .map((p) => {
        const v = cs.getPropertyValue(p);
        return (v && v !== 'normal' && v !== 'none') || p === 'fill' || p === 'stroke' ? `${p}:${v}` : '';
      })
      .filter(Boolean)
      .join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  });
  return clone;
}

/** A rectangle filling the picture: its background, in the page's colour where it was drawn. */
export function backgroundRect(fill: string): SVGRectElement {
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', fill);
  return bg;
}

/** An SVG element as the text of an .svg file. */
export function svgFileText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** What an SVG element's look depends on, copied from the computed style so no style sheet is needed. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
  'display',
  'color',
  'paint-order',
  'filter',
  'marker-start',
  'marker-end',
] as const;

/**
 * A standalone copy of an SVG drawn with CSS classes and custom properties: every element gets
 * its computed style inline, the size in pixels, and a background in the page's panel colour.
 */
export function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = withComputedStyles(svg, PROPS, 'style');
  const box = svg.viewBox.baseVal;
  const width = Math.ceil(box && box.width ? box.width : svg.clientWidth);
  const height = Math.ceil(box && box.height ? box.height : svg.clientHeight);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('role');
  const label = svg.getAttribute('aria-label');
  if (label) {
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = label;
    clone.insertBefore(title, clone.firstChild);
  }
  const bg = backgroundRect(
    getComputedStyle(svg.closest('.panel') ?? document.body).backgroundColor || '#ffffff',
  );
  clone.insertBefore(bg, clone.querySelector('title')?.nextSibling ?? clone.firstChild);
  return { text: svgFileText(clone), width, height };
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
      if (!ctx) {
        URL.revokeObjectURL(url);
        reject(new Error('no 2D canvas'));
        return;
      }
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
        'image/png',
      );
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the picture could not be drawn'));
    };
    img.src = url;
  });
}
