/** Lesson 7 words (English). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.07.title': 'Non-blocking I/O: asking again and again',
  'lesson.07.summary':
    'Make every socket non-blocking and loop over them: one thread serves everyone, but either burns a whole CPU or answers late. And the article’s own version has a trap.',
  'lesson.07.idea.title': 'Never sleep on one socket',
  'lesson.07.idea.b1':
    'After `sock.setblocking(False)`, a call that cannot complete at once fails at once: `accept()` with no client waiting, `recv()` with an empty buffer. The kernel says `EAGAIN`; Python raises `BlockingIOError`.',
  'lesson.07.idea.b2':
    'So one thread can walk round all its sockets: try `accept()` on the listening socket, then try `recv()` on each connection, catch `BlockingIOError` and move on, and start the round again. Nobody holds the thread, because no call sleeps.',
  'lesson.07.idea.b3':
    'First the loop with nothing between rounds: two clients, eight milliseconds of simulated time.',
  'lesson.07.eagain.title': 'BlockingIOError, again and again',
  'lesson.07.eagain.b1':
    'The server tried `recv()` on ann’s connection: nothing there, `EAGAIN`, the exception is caught, and the loop moves on. Step forward (→) and watch the same calls fail round after round; the fold chip counts the repeated rounds.',
  'lesson.07.eagain.b2': 'Phase 1 is no longer spent asleep, but spent asking.',
  'lesson.07.cpu.title': 'The bill',
  'lesson.07.cpu.b1':
    'This is the end of the run. Look at the meters: the system calls, the `EAGAIN` count, the CPU time.',
  'lesson.07.cpu.b2': 'The clients sent two messages between them.',
  'lesson.07.cpu.q': 'During these {ms} ms, how busy was the CPU?',
  'lesson.07.cpu.q.low': 'Almost idle (about 1 %)',
  'lesson.07.cpu.q.half': 'About half the time',
  'lesson.07.cpu.q.full': 'Nearly all the time',
  'lesson.07.cpu.q.explain':
    'Nearly all the time ({pct} % on the meter): the loop never sleeps, so it takes every cycle it is given, here for {eagain} failed calls and {replies} replies. The thread never once gave the CPU away. On a real machine that is a core at 100 %, heat and power for nothing.',
  'lesson.07.reset.title': 'ConnectionResetError, handled',
  'lesson.07.reset.b1':
    'ben aborted his connection (an RST). The next `recv()` on his socket fails with `ECONNRESET`, which Python raises as `ConnectionResetError`. The server catches it, closes the socket and removes it from its list.',
  'lesson.07.reset.b2':
    "A normal close would instead make `recv()` return `b''`: the server must handle both.",
  'lesson.07.sleep.title': 'Sleep between rounds: less CPU, more latency',
  'lesson.07.sleep.b1':
    'The same server with `time.sleep(0.1)` at the end of each round: it asks once every 100 ms and sleeps in between.',
  'lesson.07.sleep.b2':
    'ann’s `hello` has just arrived in the kernel. The server is asleep in `clock_nanosleep`.',
  'lesson.07.sleep.q': 'How long until the server reads ann’s `hello`?',
  'lesson.07.sleep.q.now': 'At once (well under a millisecond)',
  'lesson.07.sleep.q.round': 'Up to one round: tens of milliseconds',
  'lesson.07.sleep.q.second': 'More than a second',
  'lesson.07.sleep.q.explain':
    '{delay} ms: the data waited for the end of the sleep and the next round. In exchange the CPU is busy only {pct} % of the time. A short sleep wastes CPU, a long one adds latency; no value is right for every load.',
  'lesson.07.trap.title': 'The article’s version: a trap',
  'lesson.07.trap.b1':
    'The article’s server calls `setblocking(False)` on the listening socket only. On Linux, a socket returned by `accept()` does **not** inherit `O_NONBLOCK`: ann’s connection is a blocking socket.',
  'lesson.07.trap.b2':
    'So the first `recv()` on it sleeps, and the whole “non-blocking” loop stops inside it, as the stage shows: the thread is asleep inside `recvfrom` on ann’s socket.',
  'lesson.07.trap.b3': 'ben connects and will send `me first` at 300 ms; ann will speak only at 600 ms.',
  'lesson.07.trap.q': 'Who gets a reply first?',
  'lesson.07.trap.q.explain':
    'ann: the loop is stuck in ann’s `recv()` until she speaks. Then it goes round, blocks again on the next socket, and so on: clients are served in lockstep, one message each time the loop comes round. ben’s `me first` waited {waited} ms.',
  'lesson.07.fix.title': 'The one-line fix',
  'lesson.07.fix.b1':
    'Make every accepted socket non-blocking too, right after `accept()`: `conn.setblocking(False)`. In the strace you then see `ioctl(4, FIONBIO, [1])` after each `accept4`, and no `recvfrom` ever sleeps.',
  'lesson.07.fix.b2':
    'Even fixed, polling stays a poor bargain: the busy loop burns a core, the sleeping loop answers late, and both ask every socket every round whether anyone spoke.',
  'lesson.07.fix.b3':
    'What we want is to sleep until any of our sockets has something, and be told which: that is `select`, the next lesson.',
} satisfies Messages;
