/** 第 6 课文字（中文）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.06.title': '线程池与连接池',
  'lesson.06.summary':
    '保持固定数量的工作线程，把活儿排进队列：开销不再随客户端数增长。代价是：超出池子上限的客户端只能等。',
  'lesson.06.idea.title': '重复使用线程，而不是不停地创建',
  'lesson.06.idea.b1':
    '为每个客户端创建一个线程、用完就扔，太浪费了。线程池一次性启动固定数量的工作线程（`ThreadPoolExecutor(max_workers=2)`），主线程把每个接受下来的连接交给池子：`pool.submit(handle, conn)`。',
  'lesson.06.idea.b2':
    '有空闲的工作线程就立刻接手；所有工作线程都在忙时，任务就在池子的队列里等。连接池是同一个思路反过来用：客户端程序保持几条到数据库的连接，反复使用。',
  'lesson.06.idea.b3': '这个池子有 2 个工作线程。要来 3 个客户端。',
  'lesson.06.busy.title': '两个客户端，两个工作线程',
  'lesson.06.busy.b1':
    'ann 和 ben 都连上了，各有一个工作线程：两个工作线程都睡在 `recv()` 里，各守一个套接字。主线程在 `accept()` 里等待。',
  'lesson.06.busy.b2': '只要客户端数不超过工作线程数，这和第 5 课看起来一模一样。',
  'lesson.06.third.title': '第三个客户端来了',
  'lesson.06.third.b1':
    'cat 连上了；主线程接受了他，并提交了他的任务。可是两个工作线程都在忙，各自睡在 `recv()` 里，等着一个随时可能再说话的客户端。',
  'lesson.06.third.b2': 'cat 对此一无所知：他的连接已经建立，他在 500 毫秒时发出 `my turn?`。',
  'lesson.06.third.q': 'cat 的消息到达时，谁的字节躺在内核里却没人来读？',
  'lesson.06.third.q.explain':
    '是 cat 的：他的任务在池子的队列里等，因为全部 {pool} 个工作线程都被还没离开的客户端占着。睡在 `recv()` 里的工作线程，即使它的客户端一言不发，也算是被占着。',
  'lesson.06.freed.title': '一个工作线程空出来了',
  'lesson.06.freed.b1':
    '终于有一个工作线程服务完了它的客户端，从队列里取走 cat 的任务，它的 `recv()` 发现 `my turn?` 已经在等着了。',
  'lesson.06.freed.b2': '看看现在是哪个工作线程在服务 cat。',
  'lesson.06.freed.q': '是谁的离开让 cat 得到了服务？',
  'lesson.06.freed.q.explain':
    "是 ann：她先关闭了连接，她那个工作线程的 `recv()` 返回 `b''`，工作线程回到池中，接手了 cat 的任务。cat 的消息为了等一个空闲的工作线程，等了 {waited} 毫秒。",
  'lesson.06.herd.title': '每个工作线程都在 accept()：一个连接只唤醒一个',
  'lesson.06.herd.b1':
    '线程池也可以反过来搭：先把线程都建好，让每个线程都在同一个监听套接字上调用 accept()（预先建好线程的服务器；在实验室里打开看看：[[prethreaded-accept]]）。',
  'lesson.06.herd.b2':
    '一个连接到来时，Linux 只唤醒其中一个：accept() 是独占式睡眠（WQ_FLAG_EXCLUSIVE），所以只有监听套接字等待队列上的第一个线程醒来把它取走，其余的接着睡。这里不会出现“惊群”。',
  'lesson.06.herd.b3':
    '惊群出现在另一种情形：许多个 epoll 实例（每个进程或线程一个）不带 EPOLLEXCLUSIVE 地盯着同一个监听套接字，一个连接会把它们全部唤醒，除了一个之外，其余的都发现 accept 队列是空的（EAGAIN）。用 EPOLLEXCLUSIVE（Linux 4.5 起），或者每个工作线程用 SO_REUSEPORT 各开一个套接字，就能避免。',
  'lesson.06.limits.title': '池子限住的是开销，不是等待',
  'lesson.06.limits.b1':
    '不管来多少客户端，线程池都让线程数、内存和切换开销保持不变。所以服务器和数据库到处都在用它。',
  'lesson.06.limits.b2':
    '但池子有上限。占着工作线程的客户端一旦超过上限，其余的人就只能等，哪怕被占着的工作线程其实闲着。池子的大小必须按它要面对的负载来定，而一个慢吞吞或一声不吭的客户端，照样要占掉一整个工作线程。',
  'lesson.06.limits.b3':
    '要服务大量大多空闲的连接，我们需要一个永远不会被某一个客户端卡住的线程。这就轮到非阻塞 I/O 出场了。',
} satisfies Messages;
