/** 第 8 课文字（中文）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.08.title': 'select()：一个线程，许多客户端',
  'lesson.08.summary':
    '把所有套接字的清单交给内核，睡到其中任何一个就绪为止。一个线程，没有忙循环，也没有哪个客户端能拖住别人；但每次调用都要把清单拷进内核，并全部扫描一遍。',
  'lesson.08.idea.title': '同时睡在所有套接字上',
  'lesson.08.idea.b1':
    '`select.select(read_list, [], [])` 接收你想读的那些套接字。内核逐个检查；如果都没就绪，线程就同时睡在它们所有的等待队列上。第一个来了数据（或新连接、或关闭）的套接字会唤醒它，`select` 返回已就绪的那些。',
  'lesson.08.idea.b2':
    '然后程序只对这些套接字调用 `accept()` 或 `recv()`，并且知道它们不会阻塞。进程依然会睡眠，只不过睡在 `select` 里，而不是某个客户端的 `recv` 里。',
  'lesson.08.idea.b3': '三个客户端 ann、ben、cat 将连接到这个 select 服务器。',
  'lesson.08.first.title': '第一次 select：一个 fd',
  'lesson.08.first.b1':
    '起初清单里只有监听套接字 fd 3。Python 构造一个 fd_set（位图），把第 3 位置 1，然后调用 `pselect6(4, [3], …)`：4 是最大的 fd 加 1，也就是内核要查看的范围。',
  'lesson.08.first.b2': '内核把位图拷进来，发现没有就绪的，于是线程在 `select` 里睡下。',
  'lesson.08.scan.title': '四个 fd，每次都要拷贝、都要扫描',
  'lesson.08.scan.b1':
    '三个客户端都连上了：清单现在是 fd 3、4、5、6。每次调用 `select` 都要把整个位图拷进内核，一次一个 64 位字地走到 nfds，检查集合里的每个 fd，而且为了睡下，还要把线程挂到其中每一个的等待队列上。',
  'lesson.08.scan.b2':
    '某一个把它唤醒时，内核要再把它们全部扫描一遍，把线程从每个队列上摘下来，再把只留下就绪位的位图拷回用户空间。',
  'lesson.08.scan.b3':
    '这就是 select 的代价：每次调用的工作量都和被监视的 fd 总数成正比，哪怕只有一个是活跃的。',
  'lesson.08.predict.title': '正忙着处理 ben，别人却开口了',
  'lesson.08.predict.b1':
    'ben 的 `hi` 唤醒了 select；服务器正在用 `recv()` 把它拷出来，接着就会回复。与此同时，ann 的 `hello` 和 cat 的 `hey` 还在网络上（看网络那一行）：服务器忙着处理 ben 的时候，它们会落进各自的套接字缓冲区。',
  'lesson.08.predict.b2': '服务器回复完 ben 之后，会带着全部四个 fd 回到 `select`。',
  'lesson.08.predict.q': '下一次 `select` 会返回哪些 fd？（把每一个都选上。）',
  'lesson.08.predict.q.explain':
    'fd {ready}：内核扫描时，被监视的 {watched} 个 fd 中有 {n} 个已有数据，所以 select 不用睡，立即返回，两个都在里面。随后服务器逐个读取：一次 select，多次 recv。',
  'lesson.08.copy.title': '第二个系统调用',
  'lesson.08.copy.b1':
    'select 只告诉你“fd 4 可读”。字节还在内核里：程序需要第二个系统调用 `recv()` 来完成阶段二，也就是拷贝。它不会阻塞，因为数据已经在那儿了。',
  'lesson.08.copy.b2':
    '所以处理一条消息，select 要两个系统调用，而阻塞 I/O 只要一个。只有一个连接时，select 并不更快，甚至更慢；它的意义在于用一个线程服务许多连接。',
  'lesson.08.limits.title': 'FD_SETSIZE 与扫描的代价',
  'lesson.08.limits.b1':
    'fd_set 是一个固定大小的位图，共 `FD_SETSIZE` = 1024 位。1024 及以上的 fd 放不进去：CPython 还没调用内核就会报错 `ValueError: filedescriptor out of range in select()`。',
  'lesson.08.limits.b2':
    '而且每次调用都要为每个被监视的 fd 花时间。在本项目的机器上实测（一台 2 个 vCPU 的 AMD EPYC KVM 虚拟机，Linux 6.18；见 docs/calibration.md），一个睡到一条消息到来的 `select`，有 10 个空闲连接时约花 5 微秒内核时间，100 个时 32 微秒，1000 个时 306 微秒：每次调用都要为所有一言不发的连接买单。',
  'lesson.08.limits.b3':
    '`poll` 去掉了 1024 的上限，但扫描照旧；`epoll` 把清单留在内核里，并且被告知哪些 fd 变成了就绪。考场页面把三者并排展示。',
  'lesson.08.fd.conn': 'fd {fd}（{client}）',
  'lesson.08.fd.listen': 'fd {fd}（监听套接字）',
} satisfies Messages;
