/**
 * The exam hall seen from above: walls, the blackboard, the door, the teacher's desk with the
 * lamp, rows of desks with students (their fd on a name tag), and the teacher. Drawn in
 * centimetres of the room (hall.ts gives metres), so the picture scales with its box; a big
 * class becomes a dense floor plan where each desk is one mark. On a narrow screen (a phone) the
 * labels grow in the room's units so that none is drawn under MIN_LABEL_PX.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { line, curveLinear } from 'd3-shape';
import { deskPoint, route, standPoint, type HallGeometry, type Place, type Point } from '../../hall/hall.ts';
import type { HallState, StudentState } from './hall-state.ts';
import type { T } from '../hooks.ts';

const CM = 100;
/** Above this many students each desk is a single mark (no head, no name tag). */
export const DENSE_FROM = 200;
/** The smallest a label may be drawn on screen, in CSS pixels. */
export const MIN_LABEL_PX = 12.5;

/** The drawn width of an SVG element, following resizes (0 before the first layout). */
function useDrawnWidth(ref: RefObject<SVGSVGElement | null>): number {
  const [w, setW] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = (): void => setW(Math.round(el.getBoundingClientRect().width));
    read();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(read) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [ref]);
  return w;
}

const p = (pt: Point): Point => ({ x: pt.x * CM, y: pt.y * CM });

const pathOf = line<Point>()
  .x((d) => d.x)
  .y((d) => d.y)
  .curve(curveLinear);

export function HallFloor({
  g,
  state,
  t,
  step,
  label,
}: {
  g: HallGeometry;
  state: HallState;
  t: T;
  step: number;
  label: string;
}) {
  const dense = g.n > DENSE_FROM;
  const W = g.width * CM;
  const H = g.depth * CM;
  // Things drawn once per room (lamp, teacher, board) grow with the room, so they stay visible.
  const f = g.scale;
  const viewW = W + 40 * f;
  const svgRef = useRef<SVGSVGElement>(null);
  const drawn = useDrawnWidth(svgRef);
  /** How much to enlarge a label of `size` units (drawn at `unit` room units each) to be readable. */
  const grow = (size: number, unit = f): number =>
    drawn > 0 ? Math.max(1, (MIN_LABEL_PX * viewW) / (drawn * size * unit)) : 1;
  const kDoor = grow(22);
  const kBoard = grow(16);
  const kLamp = grow(17);
  const kNames = grow(15);
  const kTeacher = grow(16);
  const kTag = grow(20, 1);
  const teacherAt = p(standPoint(g, state.teacher));
  const desk = p(g.teacher);
  const door = p(g.door);

  const trail = useMemo(() => {
    if (!state.scan) return null;
    const stops: Place[] = ['desk', ...state.scan.tour, 'desk'];
    const pts: Point[] = [];
    for (let i = 1; i < stops.length; i++)
      pts.push(
        ...route(g, stops[i - 1]!, stops[i]!)
          .slice(i === 1 ? 0 : 1)
          .map(p),
      );
    return {
      abs: pathOf(pts) ?? '',
      rel: pathOf(pts.map((q) => ({ x: q.x - teacherAt.x, y: q.y - teacherAt.y }))) ?? '',
    };
  }, [g, state.scan, teacherAt.x, teacherAt.y]);
  const asked = useMemo(
    () => new Set(state.scan?.tour.filter((x): x is number => typeof x === 'number') ?? []),
    [state.scan],
  );

  const motion = useRef<SVGAnimateMotionElement>(null);
  useEffect(() => {
    const el = motion.current;
    if (!el || typeof el.beginElement !== 'function') return;
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
    el.beginElement();
  }, [step, trail]);

  const lampX = desk.x + 70 * f;
  const lampY = desk.y - 6;
  const names = state.names;
  const namesText =
    names === null
      ? null
      : names.length === 0
        ? t('hall.names.none')
        : names
            .slice(0, 6)
            .map((fd) => (fd === 3 ? t('hall.door') : `fd ${fd}`))
            .join(' · ') + (names.length > 6 ? ` ${t('hall.names.more', { n: names.length - 6 })}` : '');

  return (
    <svg
      ref={svgRef}
      className={`hall-svg${dense ? ' hall-dense' : ''}`}
      viewBox={`${-20 * f} ${-10 * f} ${viewW} ${H + 20 * f}`}
      role="img"
      aria-label={label}
      data-testid="hall-svg"
      data-lamp={state.lamp ? 'on' : 'off'}
      data-teacher={typeof state.teacher === 'number' ? `s${state.teacher}` : state.teacher}
      data-activity={state.activity}
    >
      <defs>
        <pattern id="hall-floor" width="60" height="60" patternUnits="userSpaceOnUse">
          <rect width="60" height="60" className="hall-floor" />
          <path d="M0 30 H60 M30 0 V30 M0 0 V60" className="hall-plank" />
        </pattern>
        <radialGradient id="hall-glow">
          <stop offset="0%" className="hall-glow-in" />
          <stop offset="100%" className="hall-glow-out" />
        </radialGradient>
      </defs>
      {/* the room */}
      <rect x={0} y={0} width={W} height={H} fill="url(#hall-floor)" />
      <rect x={0} y={0} width={W} height={H} className="hall-wall" strokeWidth={8 * f} rx={6 * f} />
      {/* windows on the right wall */}
      {Array.from({ length: Math.max(1, Math.floor(g.depth / 3)) }, (_, i) => (
        <line
          key={i}
          x1={W}
          x2={W}
          y1={(i * 3 + 1.2) * CM}
          y2={(i * 3 + 2.6) * CM}
          className="hall-window"
          strokeWidth={10 * f}
        />
      ))}
      {/* the door: a gap in the left wall and its swing */}
      <g transform={`translate(0 ${door.y}) scale(${f})`}>
        <line x1={0} x2={0} y1={-45} y2={45} className="hall-door-gap" strokeWidth={12} />
        <path d="M0 -45 L80 -45 A 90 90 0 0 1 0 45" className="hall-door" />
        <text x={8} y={49 + 22 * kDoor} className="hall-label" fontSize={22 * kDoor}>
          {t('hall.door')}
        </text>
        {state.atDoor > 0 ? (
          <text x={8} y={49 + 48 * kDoor} className="hall-label hall-strong" fontSize={22 * kDoor}>
            {t('hall.atDoor', { n: state.atDoor })}
          </text>
        ) : null}
      </g>
      {/* the blackboard */}
      <rect
        x={W * 0.3}
        y={8 * f}
        width={W * 0.4}
        height={26 * f * kBoard}
        className="hall-board"
        rx={3 * f}
      />
      <text
        x={W / 2}
        y={(8 + 19 * kBoard) * f}
        className="hall-chalk"
        fontSize={16 * f * kBoard}
        textAnchor="middle"
      >
        {t('hall.board', { mech: `${state.mech}()` })}
      </text>

      {/* desks and students */}
      <g className="hall-desks">
        {state.students.map((s, k) => (
          <Desk
            key={k}
            at={p(deskPoint(g, k))}
            s={s}
            dense={dense}
            tagScale={kTag}
            asked={asked.has(k)}
            collecting={state.collecting === k}
          />
        ))}
      </g>

      {/* the teacher's desk and the lamp */}
      <g transform={`translate(${desk.x} ${desk.y}) scale(${f})`}>
        <rect x={-110} y={-35} width={220} height={60} rx={6} className="hall-teacher-desk" />
      </g>
      <g
        transform={`translate(${lampX} ${lampY}) scale(${f})`}
        className={`hall-lamp ${state.lamp ? 'hall-lamp-on' : 'hall-lamp-off'}`}
        data-testid="hall-lamp"
      >
        {state.lamp ? <circle r={46} fill="url(#hall-glow)" /> : null}
        {state.lamp
          ? Array.from({ length: 8 }, (_, i) => {
              const a = (i * Math.PI) / 4;
              return (
                <line
                  key={i}
                  x1={Math.cos(a) * 20}
                  y1={Math.sin(a) * 20}
                  x2={Math.cos(a) * 30}
                  y2={Math.sin(a) * 30}
                  className="hall-ray"
                />
              );
            })
          : null}
        <circle r={14} className="hall-bulb" />
        <text x={0} y={-26} textAnchor="middle" fontSize={17 * kLamp} className="hall-label hall-strong">
          {state.lamp ? t('hall.lamp.on') : t('hall.lamp.off')}
        </text>
      </g>
      {namesText !== null ? (
        <g
          transform={`translate(${desk.x} ${desk.y + (40 + 15 * kNames) * f}) scale(${f * kNames})`}
          data-testid="hall-names"
        >
          <rect x={-130} y={-15} width={260} height={28} rx={5} className="hall-names" />
          <text x={0} y={5} textAnchor="middle" fontSize={15} className="hall-names-text">
            {namesText}
          </text>
        </g>
      ) : null}

      {/* this step's walk */}
      {trail ? <path d={trail.abs} className="hall-trail" strokeWidth={4 * f} /> : null}

      {/* the teacher */}
      <g
        className="hall-teacher"
        style={{ transform: `translate(${teacherAt.x}px, ${teacherAt.y}px)` }}
        data-testid="hall-teacher"
      >
        <g transform={`scale(${f})`}>
          <ellipse rx={30} ry={17} className="hall-teacher-body" />
          <circle r={14} cy={-2} className="hall-teacher-head" />
          <text x={34} y={6} fontSize={16 * kTeacher} className="hall-label hall-strong">
            {t('hall.teacher')}
          </text>
        </g>
        {trail ? (
          <animateMotion
            ref={motion}
            begin="indefinite"
            dur={`${Math.min(2.4, 0.6 + state.scan!.tour.length * 0.03)}s`}
            path={trail.rel}
            fill="remove"
          />
        ) : null}
      </g>
    </svg>
  );
}

function Desk({
  at,
  s,
  dense,
  tagScale,
  asked,
  collecting,
}: {
  at: Point;
  s: { fd: number | null; had: number | null; state: StudentState };
  dense: boolean;
  /** The name tag's enlargement on a narrow screen (its number stays readable). */
  tagScale: number;
  asked: boolean;
  collecting: boolean;
}) {
  const cls = `hall-desk hall-${s.state}${asked ? ' hall-asked' : ''}${collecting ? ' hall-collecting' : ''}`;
  if (dense) {
    return (
      <g className={cls}>
        <rect x={at.x - 45} y={at.y - 35} width={90} height={70} rx={8} className="hall-mark" />
        {s.state === 'finished' ? (
          <path
            d={`M${at.x + 12} ${at.y - 35} L${at.x + 45} ${at.y - 35} L${at.x + 45} ${at.y - 2} Z`}
            className="hall-flag"
          />
        ) : null}
        {s.state === 'stranded' ? (
          <path
            d={`M${at.x - 25} ${at.y - 20} L${at.x + 25} ${at.y + 20} M${at.x + 25} ${at.y - 20} L${at.x - 25} ${at.y + 20}`}
            className="hall-cross"
          />
        ) : null}
        {s.had !== null ? <title>{`fd ${s.had}`}</title> : null}
      </g>
    );
  }
  const seated =
    s.state === 'writing' || s.state === 'finished' || s.state === 'handed-in' || s.state === 'stranded';
  const head = s.state === 'leaving' ? { x: at.x + 50, y: at.y + 12 } : { x: at.x, y: at.y + 30 };
  return (
    <g className={cls}>
      {/* chair behind the desk */}
      <rect x={at.x - 20} y={at.y + 18} width={40} height={30} rx={6} className="hall-chair" />
      {/* the desk, its front edge toward the teacher */}
      <rect x={at.x - 40} y={at.y - 28} width={80} height={44} rx={4} className="hall-desktop" />
      {s.fd !== null || s.state !== 'arriving' ? (
        <>
          <rect
            x={at.x - 30 * tagScale}
            y={at.y - 20 * tagScale}
            width={60 * tagScale}
            height={26 * tagScale}
            rx={3}
            className="hall-tag"
          />
          <text x={at.x} y={at.y} textAnchor="middle" fontSize={20 * tagScale} className="hall-tag-text">
            {s.fd !== null ? s.fd : '✓'}
          </text>
        </>
      ) : null}
      {seated || s.state === 'leaving' ? (
        <g className="hall-student">
          <ellipse cx={head.x} cy={head.y + 6} rx={22} ry={11} className="hall-shoulders" />
          <circle cx={head.x} cy={head.y} r={12} className="hall-head" />
          {s.state === 'stranded' ? (
            <text x={head.x} y={head.y + 6} textAnchor="middle" fontSize={16} className="hall-q">
              ?
            </text>
          ) : null}
        </g>
      ) : null}
      {s.state === 'writing' ? (
        <line x1={at.x - 8} y1={at.y + 13} x2={at.x + 16} y2={at.y + 9} className="hall-pencil" />
      ) : null}
      {s.state === 'finished' ? (
        <g className="hall-paper-up">
          {/* the arm goes up past the desk's right edge, clear of the name tag */}
          <line x1={at.x + 20} y1={at.y + 30} x2={at.x + 46} y2={at.y - 28} className="hall-arm" />
          <rect
            x={at.x + 34}
            y={at.y - 64}
            width={28}
            height={36}
            rx={2}
            className="hall-paper"
            transform={`rotate(8 ${at.x + 48} ${at.y - 46})`}
          />
          <path
            d={`M${at.x + 40} ${at.y - 54} h16 M${at.x + 40} ${at.y - 46} h16 M${at.x + 40} ${at.y - 38} h12`}
            className="hall-paper-lines"
            transform={`rotate(8 ${at.x + 48} ${at.y - 46})`}
          />
        </g>
      ) : null}
      {s.state === 'handed-in' || s.state === 'left' ? (
        <path d={`M${at.x + 24} ${at.y - 6} l6 7 l12 -15`} className="hall-check" />
      ) : null}
      {asked ? <circle cx={at.x - 34} cy={at.y - 24} r={9} className="hall-asked-dot" /> : null}
    </g>
  );
}
