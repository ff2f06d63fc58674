/** 第 5 课文字（中文）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.05.title': '每个连接一个线程或一个进程',
  'lesson.05.summary':
    '给每个客户端一个自己的线程（或进程）：谁阻塞都不会拖住别人。人人都得到服务；再数一数，客户端增多时要付出什么代价。',
  'lesson.05.idea.title': '一个线程会阻塞，那就用很多个',
  'lesson.05.idea.b1':
    '主线程只负责 accept。每来一个新连接，它就启动一个线程（`threading.Thread(target=handle, args=(conn,)).start()`），为这一个客户端跑和以前一样的“读、回复”循环。',
  'lesson.05.idea.b2':
    '阻塞不再是问题：一个线程睡在 ann 套接字的 `recv()` 里，只会耽误 ann 自己。内核会去运行有事可做的那个线程。',
  'lesson.05.spawn.title': '为 ann 新开一个线程',
  'lesson.05.spawn.b1':
    '`accept()` 返回了 ann 的连接，主线程为她创建了一个线程：strace 里的 `clone3`。新线程和进程共享内存和 fd 表，所以它可以直接使用 fd 4。',
  'lesson.05.spawn.b2': '主线程马上回到 `accept()`，准备接待下一个客户端。',
  'lesson.05.asleep.title': '人人都在睡，人人都准备好了',
  'lesson.05.asleep.b1':
    'ann、ben、cat 都连上了。每人都有一个线程睡在自己套接字的 `recv()` 里，主线程睡在 `accept()` 里。CPU 空闲。',
  'lesson.05.asleep.b2': '谁先说话，就只唤醒谁自己的线程。',
  'lesson.05.asleep.q': '此刻服务器进程里有几个线程？',
  'lesson.05.asleep.q.explain':
    '{n} 个：主线程，加上每个客户端一个。每个线程都要占一个内核任务、一个栈（预留 8 MiB，实际用几页）和调度开销：到目前为止计入的内存 {mib} MiB，上下文切换 {switches} 次。每条消息至少要切换两次：线程被唤醒，然后再次阻塞。',
  'lesson.05.served.title': '谁也不用等谁',
  'lesson.05.served.b1':
    'cat 马上得到了回复，而 ann 和 ben 都还连着。对比第 4 课：ben 等了半秒，直到 ann 离开。',
  'lesson.05.served.b2': '看看仪表：线程数、内存和上下文切换，都随着客户端一个个增加。',
  'lesson.05.fork.title': '换成进程：fork()',
  'lesson.05.fork.b1':
    '每个连接一个进程的服务器改为对每个客户端调用 `os.fork()`：strace 里的 `clone`。服务器刚接受了 ann（fd 4），马上要 fork：子进程将是父进程的副本，连 fd 表也一并复制。',
  'lesson.05.fork.b2':
    '进程之间默认什么都不共享，所以一个子进程崩溃不会拖垮别人；但 fork 要复制页表，开销比创建线程大得多。',
  'lesson.05.fork.q': 'fork 刚结束时，有几个进程打开着 ann 的连接？',
  'lesson.05.fork.q.explain':
    '{n} 个：父进程和子进程各有一个指向它的 fd。所以父进程紧接着就关掉自己那一份（看它发生）：否则子进程关闭连接后，连接仍然开着，ann 永远看不到服务器挂断。',
  'lesson.05.cost.title': '客户端增多时的代价',
  'lesson.05.cost.b1':
    '下表让每个连接一个线程的服务器面对越来越多的客户端（每个客户端连上、发一条消息、然后保持连接）。线程数、内存和上下文切换都随客户端数同步增长。',
  'lesson.05.cost.b2':
    '几百个客户端时这没问题。可一万个空闲连接就意味着一万个睡着的线程，各带一个栈和一个内核任务，只为了服务其中寥寥几个活跃的。“规模”页面会把这个问题推得更远。',
} satisfies Messages;
