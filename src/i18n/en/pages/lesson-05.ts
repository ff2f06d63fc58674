/** Lesson 5 words (English). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.05.title': 'A thread or a process per connection',
  'lesson.05.summary':
    'Give every client its own thread (or its own process): each may block without holding up the others. Everyone is served; count what it costs as the clients grow.',
  'lesson.05.idea.title': 'If one thread may block, use many',
  'lesson.05.idea.b1':
    'The main thread only accepts. For each new connection it starts a thread (`threading.Thread(target=handle, args=(conn,)).start()`) that runs the same read-and-answer loop as before, for that one client.',
  'lesson.05.idea.b2':
    'Blocking is no longer a problem: a thread asleep inside `recv()` on ann’s socket holds up nobody but ann. The kernel runs whichever thread has something to do.',
  'lesson.05.spawn.title': 'A new thread for ann',
  'lesson.05.spawn.b1':
    '`accept()` returned ann’s connection and the main thread created a thread for her: `clone3` in the strace. The new thread shares the process’s memory and its fd table, so it can use fd 4 directly.',
  'lesson.05.spawn.b2': 'The main thread goes straight back to `accept()`, ready for the next client.',
  'lesson.05.asleep.title': 'Everyone asleep, everyone ready',
  'lesson.05.asleep.b1':
    'ann, ben and cat are connected. Each has a thread asleep inside `recv()` on its own socket, and the main thread is asleep inside `accept()`. The CPU is idle.',
  'lesson.05.asleep.b2': 'Whoever speaks first wakes only their own thread.',
  'lesson.05.asleep.q': 'How many threads does the server process have right now?',
  'lesson.05.asleep.q.explain':
    '{n}: the main thread plus one per client. Each costs a kernel task, a stack (8 MiB reserved, a few pages used) and scheduler work: memory counted so far {mib} MiB, context switches so far {switches}. Each message costs at least two switches: the thread wakes up, then blocks again.',
  'lesson.05.served.title': 'Nobody waits for anybody',
  'lesson.05.served.b1':
    'cat gets his answer right away, while ann and ben are still connected. Compare with lesson 4, where ben waited half a second for ann to leave.',
  'lesson.05.served.b2':
    'Check the meters: the threads, the memory and the context switches have grown with each client.',
  'lesson.05.fork.title': 'The same with processes: fork()',
  'lesson.05.fork.b1':
    'The process-per-connection server calls `os.fork()` for each client instead: `clone` in the strace. The server has just accepted ann (fd 4) and is about to fork: the child will be a copy of the parent, fd table included.',
  'lesson.05.fork.b2':
    'Processes share nothing by default, so one crashing child takes no one else down; but a fork copies the page tables and costs far more than a thread.',
  'lesson.05.fork.q': 'Right after the fork, how many processes have ann’s connection open?',
  'lesson.05.fork.q.explain':
    '{n}: the parent and the child each have an fd for it. That is why the parent closes its copy next (watch it happen): otherwise the connection would stay open after the child closed it, and ann would never see the server hang up.',
  'lesson.05.cost.title': 'What it costs as clients grow',
  'lesson.05.cost.b1':
    'The table runs the thread-per-connection server with more and more clients (each connects, sends one message and stays). Threads, memory and context switches all grow in step with the clients.',
  'lesson.05.cost.b2':
    'For a few hundred clients that is fine. For ten thousand idle connections, it means ten thousand sleeping threads, each with its stack and its kernel task, to serve a handful of active ones. The scaling page pushes this further.',
} satisfies Messages;
