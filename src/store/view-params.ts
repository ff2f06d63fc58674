/**
 * The lab's view settings in its link, so a shared link shows the run the way the sender saw it:
 * `fold=0` when repeated polling rounds are shown one by one, `speed=N` for the playback speed.
 * Only what differs from the defaults is written. Pure.
 */

export const SPEEDS = [0.5, 1, 2, 4, 8, 16, 32] as const;
export type Speed = (typeof SPEEDS)[number];
interface View {
  fold: boolean;
  speed: Speed;
}

export const DEFAULT_VIEW: View = { fold: true, speed: 2 };

export interface ViewParams extends View {
  /** The parameters that are not view settings. */
  rest: Record<string, string>;
  /** Values that could not be read, and the default used instead. */
  bad: { name: string; value: string; fallback: string }[];
}

export function readViewParams(params: Record<string, string>): ViewParams {
  const { fold, speed, ...rest } = params;
  const out: ViewParams = { ...DEFAULT_VIEW, rest, bad: [] };
  if (fold !== undefined) {
    if (fold === '0' || fold === '1') out.fold = fold === '1';
    else out.bad.push({ name: 'fold', value: fold.slice(0, 40), fallback: '1' });
  }
  if (speed !== undefined) {
    const known = SPEEDS.find((s) => String(s) === speed);
    if (known !== undefined) out.speed = known;
    else out.bad.push({ name: 'speed', value: speed.slice(0, 40), fallback: String(DEFAULT_VIEW.speed) });
  }
  return out;
}

export function writeViewParams(s: View): Record<string, string> {
  return {
    ...(s.fold === DEFAULT_VIEW.fold ? {} : { fold: s.fold ? '1' : '0' }),
    ...(s.speed === DEFAULT_VIEW.speed ? {} : { speed: String(s.speed) }),
  };
}
