/** Linux errno values the simulation can return, with the text strace and Python print for them. */
export const ERRNO = {
  EINTR: { code: 4, text: 'Interrupted system call', python: 'InterruptedError' },
  ENOENT: { code: 2, text: 'No such file or directory', python: 'FileNotFoundError' },
  EBADF: { code: 9, text: 'Bad file descriptor', python: 'OSError' },
  EAGAIN: { code: 11, text: 'Resource temporarily unavailable', python: 'BlockingIOError' },
  EEXIST: { code: 17, text: 'File exists', python: 'FileExistsError' },
  EINVAL: { code: 22, text: 'Invalid argument', python: 'OSError' },
  EMFILE: { code: 24, text: 'Too many open files', python: 'OSError' },
  EPIPE: { code: 32, text: 'Broken pipe', python: 'BrokenPipeError' },
  ENOTSOCK: { code: 88, text: 'Socket operation on non-socket', python: 'OSError' },
  ENOTCONN: { code: 107, text: 'Transport endpoint is not connected', python: 'OSError' },
  ECONNRESET: { code: 104, text: 'Connection reset by peer', python: 'ConnectionResetError' },
} as const;

export type Errno = keyof typeof ERRNO;

/**
 * A Python exception as the simulated program sees it (and as a student reads it in a traceback).
 * Deliberately not a JS Error: a busy-polling loop raises BlockingIOError millions of times, and
 * capturing a JS stack trace for each would dominate the simulation's run time.
 */
export class PyException {
  readonly message: string;
  constructor(
    /** The exception class, e.g. "BlockingIOError". */
    readonly pyClass: string,
    /** str(exc), e.g. "[Errno 11] Resource temporarily unavailable". */
    readonly pyMessage: string,
    readonly errno?: Errno,
    /** The system call that failed, as strace names it ('' when no call was made). */
    readonly syscall = '',
  ) {
    this.message = `${pyClass}: ${pyMessage}`;
  }

  /** The last line of the traceback Python would print. */
  get python(): string {
    return `${this.pyClass}: ${this.pyMessage}`;
  }

  static fromErrno(errno: Errno, syscall = ''): PyException {
    const e = ERRNO[errno];
    return new PyException(e.python, `[Errno ${e.code}] ${e.text}`, errno, syscall);
  }

  /** Whether `except Cls:` would catch it (OSError catches all its subclasses here). */
  is(
    cls:
      | 'OSError'
      | 'BlockingIOError'
      | 'ConnectionResetError'
      | 'BrokenPipeError'
      | 'InterruptedError'
      | 'ValueError'
      | 'Exception',
  ): boolean {
    if (cls === 'Exception') return true;
    if (cls === 'OSError') return this.errno !== undefined;
    return this.pyClass === cls;
  }
}

export function isPyException(e: unknown): e is PyException {
  return e instanceof PyException;
}
