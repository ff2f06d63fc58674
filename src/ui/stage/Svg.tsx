/** Draws the display list the layout built: React renders, nothing here decides positions. */
import { memo, type ReactNode } from 'react';
import type { DNode, GNode, IconName, IconNode } from './nodes.ts';

export function renderNodes(nodes: readonly DNode[]): ReactNode[] {
  return nodes.map((n, i) => (n.t === 'g' && n.key ? <Group key={n.key} node={n} /> : renderNode(n, i)));
}

/**
 * A named group, drawn again only when it changed: the layout builds new objects at every step,
 * so they are compared by value (far cheaper than React comparing the elements they make; most
 * of the machine stays as it was from one step to the next).
 */
const Group = memo(
  function Group({ node }: { node: GNode }) {
    return renderNode(node, 0);
  },
  (a, b) => sameValue(a.node, b.node),
);

/** Deep equality of plain data (the display list: objects, arrays, strings, numbers, booleans). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka)
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

function renderNode(n: DNode, i: number): ReactNode {
  switch (n.t) {
    case 'g': {
      const attrs: Record<string, string> = { ...n.attrs };
      if (n.key) attrs['data-key'] = n.key;
      if (n.changed) attrs['data-changed'] = 'true';
      return (
        <g
          key={n.key ?? i}
          transform={n.x || n.y ? `translate(${r(n.x)},${r(n.y)})` : undefined}
          className={n.cls}
          {...attrs}
        >
          {n.title ? <title>{n.title}</title> : null}
          {n.changed ? (
            <rect className="halo" x={-3} y={-3} width={r(n.w + 6)} height={r(n.h + 6)} rx={7} />
          ) : null}
          {renderNodes(n.children)}
        </g>
      );
    }
    case 'rect':
      return <rect key={i} x={r(n.x)} y={r(n.y)} width={r(n.w)} height={r(n.h)} rx={n.r} className={n.cls} />;
    case 'line':
      return <line key={i} x1={r(n.x1)} y1={r(n.y1)} x2={r(n.x2)} y2={r(n.y2)} className={n.cls} />;
    case 'text':
      return (
        <text
          key={i}
          x={r(n.x)}
          y={r(n.y)}
          className={`${n.cls}${n.font.mono ? ' f-mono' : ''}`}
          fontSize={n.font.size}
          fontWeight={n.font.bold ? 700 : undefined}
          textAnchor={n.anchor}
        >
          {n.title ? <title>{n.title}</title> : null}
          {n.text}
        </text>
      );
    case 'icon':
      return <Icon key={i} node={n} />;
  }
}

const r = (v: number): number => Math.round(v * 10) / 10;

/** Shapes that tell states apart without colour: ▶ running, ◇ ready, zz blocked (asleep), ✕ exited. */
export function Icon({ node }: { node: IconNode }) {
  const { x, y, s, name, cls } = node;
  return (
    <g className={`icon ${cls}`} aria-hidden="true">
      {iconShape(name, x, y, s)}
    </g>
  );
}

export function iconShape(name: IconName, x: number, y: number, s: number): ReactNode {
  const h = s / 2;
  switch (name) {
    case 'running':
      return (
        <path
          className="icon-fill"
          d={`M${r(x - h * 0.7)} ${r(y - h * 0.9)} L${r(x + h * 0.95)} ${r(y)} L${r(x - h * 0.7)} ${r(y + h * 0.9)} Z`}
        />
      );
    case 'ready':
      // a hollow diamond: could run, waits for a CPU (the code panel's ◇)
      return (
        <path
          className="icon-stroke"
          d={`M${r(x)} ${r(y - h * 0.85)} L${r(x + h * 0.85)} ${r(y)} L${r(x)} ${r(y + h * 0.85)} L${r(x - h * 0.85)} ${r(y)} Z`}
        />
      );
    case 'blocked': {
      // "zz": asleep (the code panel's zz)
      const z = (zx: number, zy: number, size: number): string =>
        `M${r(zx)} ${r(zy)} L${r(zx + size)} ${r(zy)} L${r(zx)} ${r(zy + size)} L${r(zx + size)} ${r(zy + size)}`;
      return (
        <path
          className="icon-stroke icon-z"
          d={`${z(x - h * 0.95, y - h * 0.05, h * 0.9)} ${z(x + h * 0.1, y - h * 0.85, h * 0.8)}`}
        />
      );
    }
    case 'exited':
      return (
        <path
          className="icon-stroke"
          d={`M${r(x - h * 0.7)} ${r(y - h * 0.7)} L${r(x + h * 0.7)} ${r(y + h * 0.7)} M${r(x + h * 0.7)} ${r(y - h * 0.7)} L${r(x - h * 0.7)} ${r(y + h * 0.7)}`}
        />
      );
    case 'warn':
      return (
        <>
          <path
            className="icon-fill"
            d={`M${r(x)} ${r(y - h)} L${r(x + h)} ${r(y + h * 0.85)} L${r(x - h)} ${r(y + h * 0.85)} Z`}
          />
          <path
            className="icon-mark"
            d={`M${r(x)} ${r(y - h * 0.35)} L${r(x)} ${r(y + h * 0.3)} M${r(x)} ${r(y + h * 0.5)} L${r(x)} ${r(y + h * 0.62)}`}
          />
        </>
      );
    case 'check':
      return (
        <path
          className="icon-stroke"
          d={`M${r(x - h * 0.8)} ${r(y)} L${r(x - h * 0.2)} ${r(y + h * 0.65)} L${r(x + h * 0.85)} ${r(y - h * 0.7)}`}
        />
      );
    case 'key':
      return (
        <>
          <circle className="icon-ring" cx={r(x - h * 0.4)} cy={r(y)} r={r(h * 0.45)} />
          <path
            className="icon-stroke"
            d={`M${r(x + h * 0.05)} ${r(y)} L${r(x + h)} ${r(y)} M${r(x + h * 0.75)} ${r(y)} L${r(x + h * 0.75)} ${r(y + h * 0.5)}`}
          />
        </>
      );
    case 'arrow-left':
      return (
        <path
          className="icon-fill"
          d={`M${r(x - h)} ${r(y)} L${r(x + h * 0.7)} ${r(y - h * 0.8)} L${r(x + h * 0.7)} ${r(y + h * 0.8)} Z`}
        />
      );
    case 'arrow-right':
      return (
        <path
          className="icon-fill"
          d={`M${r(x + h)} ${r(y)} L${r(x - h * 0.7)} ${r(y - h * 0.8)} L${r(x - h * 0.7)} ${r(y + h * 0.8)} Z`}
        />
      );
    case 'host':
      return (
        <>
          <rect
            className="icon-ring"
            x={r(x - h)}
            y={r(y - h * 0.8)}
            width={r(s)}
            height={r(h * 1.3)}
            rx={1.5}
          />
          <path
            className="icon-stroke"
            d={`M${r(x - h * 0.5)} ${r(y + h * 0.95)} L${r(x + h * 0.5)} ${r(y + h * 0.95)}`}
          />
        </>
      );
    case 'cpu':
      return (
        <rect
          className="icon-ring"
          x={r(x - h * 0.7)}
          y={r(y - h * 0.7)}
          width={r(h * 1.4)}
          height={r(h * 1.4)}
          rx={1}
        />
      );
  }
}
