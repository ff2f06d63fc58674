import { straceString, type Bytes } from './bytes.ts';
import { ERRNO, type Errno } from './errors.ts';
import type { Ns } from './types.ts';

/**
 * How real strace (6.x, `strace -f -ttt -o FILE`) prints calls. A syscall's text is split into
 * its entry part and the rest, because strace prints `name(args <unfinished ...>` and later
 * `<... name resumed>rest` when another thread prints in between.
 */
export interface StraceText {
  head: string;
  tail: string;
}

export const ADDR_FAMILY_LOCAL = (port: number): string =>
  `{sa_family=AF_INET, sin_port=htons(${port}), sin_addr=inet_addr("127.0.0.1")}`;

/** A user-space pointer as strace shows it where it does not decode the memory. */
export const USER_PTR = '0x7ffc3a1b2c40';

export function result(ret: number, errno?: Errno, note?: string): string {
  if (errno) return `-1 ${errno} (${ERRNO[errno].text})`;
  return note ? `${ret} ${note}` : String(ret);
}

export function quoted(data: Bytes): string {
  return straceString(data);
}

/** `PID  SECONDS ` prefix (seconds since the run started, microseconds). */
export function prefix(tid: number, t: Ns): string {
  const micros = Math.floor(t / 1000);
  const s = Math.floor(micros / 1_000_000);
  return `${tid}  ${s}.${String(micros % 1_000_000).padStart(6, '0')} `;
}

export function fdSet(fds: number[]): string {
  return `[${fds.join(' ')}]`;
}

export function timespec(ns: Ns): string {
  return `{tv_sec=${Math.floor(ns / 1e9)}, tv_nsec=${ns % 1e9}}`;
}
