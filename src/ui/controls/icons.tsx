/** Transport icons: inline SVG (glyphs like ⏮ are missing from many fonts and render as emoji). */
const PATHS = {
  first: 'M4 4h2.5v12H4z M16 4 7.5 10 16 16z',
  back: 'M14.5 4 6 10l8.5 6z',
  play: 'M6 3.5 16.5 10 6 16.5z',
  pause: 'M5 4h3.6v12H5z M11.4 4H15v12h-3.6z',
  forward: 'M5.5 4 14 10l-8.5 6z',
  last: 'M4 4l8.5 6L4 16z M13.5 4H16v12h-2.5z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="ctl-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
