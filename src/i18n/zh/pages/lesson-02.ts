/** 第 2 课文字（中文）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.02.title': '同步与异步，阻塞与非阻塞',
  'lesson.02.summary':
    '两个常被混为一谈的问题：调用者要不要等结果？等的时候它的线程睡不睡？先点一点 2×2 表格，再看同一个 recv() 在阻塞和非阻塞套接字上的不同表现。',
  'lesson.02.two.title': '这是两个问题，不是一个',
  'lesson.02.two.b1':
    '**同步还是异步**问的是调用本身：调用返回时调用者就拿到结果（同步），还是调用立刻返回、结果稍后才通过可查询的状态、通知或回调送来（异步）？',
  'lesson.02.two.b2':
    '**阻塞还是非阻塞**问的是结果还没好时线程的处境：它是被内核挂起、离开 CPU，直到某件事发生（阻塞），还是调用马上返回，不管有没有结果（非阻塞）？IO Lab 把两个说法分开：线程“睡眠”，指它不在 CPU 上、挂在等待队列上；线程“在调用里”，指调用返回之前程序无法继续。阻塞的 `recv()` 在读的两个阶段都在调用里，但只在第一阶段睡眠。',
  'lesson.02.two.b3':
    '这两个问题的答案互不相干。人们之所以常把它们混在一起，是因为最常见的情形，也就是在套接字上直接调用 `recv()`，恰好既是同步的又是阻塞的。',
  'lesson.02.grid.title': '2×2 表格，配上 Python',
  'lesson.02.grid.b1':
    '逐个点击四个格子。时间线画的是调用者的线程（以及替它干活的工作者或内核）：实心表示在 CPU 上运行，斜线表示在睡眠，圆点表示结果送到调用者手里的那一刻。',
  'lesson.02.grid.b2':
    '例子取自原文：`Pool.apply` 对比 `Pool.apply_async`，`executor.submit(f).result()` 对比 `executor.submit(f)`，再加上本课程一直要讲的套接字调用。',
  'lesson.02.article.title': '常见说法错在哪里',
  'lesson.02.article.b1':
    '常见的说法是：“用 `Pool.apply` 提交一个很长的计算，是同步但不阻塞的，因为调用者一直处于活动状态。”仔细看：`apply` 把任务交给一个工作进程，然后在一把锁上等答案。调用者的线程睡着了，不在 CPU 上：既是同步的，**也是**阻塞的。在计算的是那个工作进程。',
  'lesson.02.article.b2':
    '同步却从不阻塞的调用确实存在：你自己调用 `sum(range(10**8))`。线程要等结果，但它始终在运行（另一个线程占着 CPU 时则是就绪），从未睡眠。',
  'lesson.02.article.b3':
    '异步也不等于“不用等”：`fut = executor.submit(f)` 立刻返回，但之后的 `fut.result()` 会一直阻塞到工作者完成。下面就在模拟的机器上，看看同一个 `recv()` 的两种表现。',
  'lesson.02.recv.slept': '线程睡下，直到数据到来',
  'lesson.02.recv.eagain': '立刻带着错误返回：`BlockingIOError`（EAGAIN）',
  'lesson.02.recv.callback': '立刻返回，数据到了之后内核会回调 Python',
  'lesson.02.blocking.title': '阻塞套接字上的 recv()',
  'lesson.02.blocking.b1':
    '阻塞式回显服务器正要在 ann 的连接上调用 `conn.recv(1024)`。ann 已经连上，但还什么都没发：套接字的接收缓冲区是空的。',
  'lesson.02.blocking.b2': '除非你另行设置，套接字默认都是阻塞的。',
  'lesson.02.blocking.q': '缓冲区是空的。这次 `recv()` 会怎样？',
  'lesson.02.blocking.q.explain':
    '它会阻塞：内核把线程挂到套接字的等待队列上，转去运行别的东西（这里没有别的，核就空闲了）。这个调用是同步的（返回时带回结果），也是阻塞的（在那之前线程一直睡着）。',
  'lesson.02.nonblocking.title': '同一个 recv()，换成非阻塞套接字',
  'lesson.02.nonblocking.b1':
    '这个服务器对它的套接字调用了 `setblocking(False)`。它正要在 ann 的连接上调用 `recv(1024)`，同样什么都还没到。',
  'lesson.02.nonblocking.b2':
    '同样的调用，同样空的缓冲区，只差一个标志（`O_NONBLOCK`，在 strace 里是 `ioctl(fd, FIONBIO, [1])`）。',
  'lesson.02.nonblocking.q': '缓冲区是空的。这次 `recv()` 会怎样？',
  'lesson.02.nonblocking.q.explain':
    '它立刻返回（在内核里只待了 {us} 微秒），结果是 `-1 EAGAIN`，Python 把它抛成 `BlockingIOError`。这依然是同步的：没有后续通知，也没有回调。程序想要数据，就得再问一次：这就是轮询，见第 7 课。',
  'lesson.02.sleep.title': '套接字是非阻塞的，线程却睡着了',
  'lesson.02.sleep.b1':
    '这个服务器把所有套接字问过一轮后，调用 `time.sleep(0.1)`：strace 里是 `clock_nanosleep`。线程又睡着了，睡在 `clock_nanosleep` 里：这次等的是定时器，不是套接字。',
  'lesson.02.sleep.b2':
    '“非阻塞”说的是某个套接字上的某一次调用，而不是整个程序。程序究竟是浪费 CPU 还是浪费时间，要看它在两次调用之间做什么，这正是第 7 课要讨论的权衡。',
} satisfies Messages;
