import { LISTINGS, type ListingName } from './listings.generated.ts';

/**
 * Line numbers of a listing, found by the text on the line, so that a simulated program and
 * the Python it mirrors cannot drift apart silently: a missing or ambiguous snippet throws when
 * the program module loads (and the unit tests load every program).
 */
export function lineOf(name: ListingName, snippet: string, occurrence = 1): number {
  const lines = LISTINGS[name].split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(snippet) && ++seen === occurrence) return i + 1;
  }
  throw new Error(
    `listing ${name}.py has ${seen ? `only ${seen} line(s)` : 'no line'} containing ${JSON.stringify(snippet)}`,
  );
}

export function lineMap<K extends string>(
  name: ListingName,
  spec: Record<K, string | readonly [string, number]>,
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(spec) as K[]) {
    const s = spec[key];
    out[key] = typeof s === 'string' ? lineOf(name, s) : lineOf(name, s[0], s[1]);
  }
  return out;
}

/** The four lines that open the listening socket, the same in every listing. */
export function serverLines(
  name: ListingName,
  occurrence = 1,
): { socket: number; setsockopt: number; bind: number; listen: number } {
  return lineMap(name, {
    socket: ['socket.socket(socket.AF_INET', occurrence],
    setsockopt: ['SO_REUSEADDR', occurrence],
    bind: ['.bind((HOST, PORT))', occurrence],
    listen: ['.listen(BACKLOG)', occurrence],
  });
}

/** The listings by name: LISTINGS (the files on disk, English comments) or LISTINGS_ZH (Chinese comments, same code). */
export type Listings = Readonly<Record<ListingName, string>>;

/**
 * The listing with its tunables set to a run's values (what the student sees and what was recorded);
 * `listings` picks the comments' language (English by default: the CLI, the narration, the recordings).
 */
export function renderListing(
  name: ListingName,
  constants: Record<string, string>,
  listings: Listings = LISTINGS,
): string {
  return listings[name].replace(/^([A-Z_]+) = (.*)$/gm, (line, key: string) =>
    key in constants ? `${key} = ${constants[key]}` : line,
  );
}

/** The program a run shows: its listing with the run's values, or a student's own program (model python: `source`). */
export function programText(
  run: {
    listing: ListingName | null;
    constants: Record<string, string>;
    source?: string;
  },
  listings: Listings = LISTINGS,
): string {
  return run.listing === null ? (run.source ?? '') : renderListing(run.listing, run.constants, listings);
}
