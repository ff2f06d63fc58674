/** Lesson 15 (English; src/i18n/zh/pages/lesson-15.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.15.title': 'Polling vs select with a timeout',
  'lesson.15.summary':
    'The article’s two closing examples on the same client: how late each reads a message, and how many calls come back empty.',
  'lesson.15.two.title': 'Two ways to not block',
  'lesson.15.two.b1':
    'The article ends with two servers. One is non-blocking: it tries accept and recv, and when they fail it sleeps and tries again. Here it sleeps {tick} ms between rounds. The other calls select with a timeout of {tick} ms, so it too gets control back regularly.',
  'lesson.15.two.b2':
    'This lesson runs the polling server; the select server ran on the same client script on the side. Both wake up every so often. The difference is what wakes them.',
  'lesson.15.empty.title': 'Asking for nothing',
  'lesson.15.empty.b1':
    'No finished connection is waiting: accept fails with BlockingIOError (EAGAIN), a system call that did no work. The loop will sleep {tick} ms and ask again.',
  'lesson.15.late.title': 'A message arrives mid-sleep',
  'lesson.15.late.b1':
    'ann’s “hello” has just landed in the receive buffer. The server is asleep in time.sleep(): nothing will wake it early.',
  'lesson.15.late.q': 'How long will “hello” wait in the kernel before this server reads it?',
  'lesson.15.c.wait.now': 'Under a millisecond',
  'lesson.15.c.wait.tick': 'Up to one sleep interval',
  'lesson.15.c.wait.more': 'More than one sleep interval',
  'lesson.15.late.explain':
    'It waited {ms} ms, until the sleep ended. The select server, asleep on the socket’s wait queue, read it {selectUs} µs after it arrived: the data itself woke it. A poller’s delay is anything from 0 to {tick} ms.',
  'lesson.15.count.title': 'The bill',
  'lesson.15.count.b1': 'The run is over ({ms} ms of virtual time).',
  'lesson.15.count.q': 'How many of this server’s calls came back with nothing (EAGAIN)?',
  'lesson.15.c.waste.none': 'None',
  'lesson.15.c.waste.few': '1 to 5',
  'lesson.15.c.waste.some': '6 to 20',
  'lesson.15.c.waste.many': 'More than 20',
  'lesson.15.count.explain':
    '{wasted} of its {calls} accept and recv calls returned EAGAIN. The select server made {selectCalls} calls; {selectWasted} of them were selects that timed out with nothing to report.',
  'lesson.15.verdict.title': 'What the timeout is for',
  'lesson.15.verdict.b1':
    'Polling ties latency to the sleep: a short sleep wastes CPU on empty calls, a long one makes every message wait. select waits in the kernel and is woken by the data, so latency is near zero whatever the timeout; the {tick} ms timeout only decides how often the program gets control when nothing happens (for housekeeping, or to notice a shutdown).',
  'lesson.15.verdict.b2':
    'That is why multiplexing won: the kernel watches many sockets at once and wakes the program exactly when there is work.',
} satisfies Messages;
