/** 第 9 课（中文；英文见 src/i18n/en/pages/lesson-09.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.09.title': 'poll()：没有 1024 的上限，扫描却一样',
  'lesson.09.summary': 'poll 去掉了 select 对 fd 编号的上限，但每次调用内核仍要把整个列表走一遍。',
  'lesson.09.limit.title': 'poll 改了什么',
  'lesson.09.limit.b1':
    'select 接收的是一张按 fd 编号排列的位图（fd_set），大小在编译时就定死了：FD_SETSIZE = 1024。编号为 1024 及以上的 fd 根本没法监视，CPython 甚至不会去调用内核，直接报错。',
  'lesson.09.limit.b2':
    'poll 改成接收一个由 `(fd, events)` 组成的数组，想要多长都行，内核把结果写进每一项的 `revents` 里。fd 编号没有上限，调用也不会破坏传进去的参数。',
  'lesson.09.list.title': 'poll 在它监视的每个套接字上睡眠',
  'lesson.09.list.b1':
    '程序交给 poll 一个包含 {n} 个 fd 的列表：监听套接字、ann 的连接，以及 {idle} 个从不发消息的空闲连接。现在没有一个可读，于是内核把线程挂到其中每一个的等待队列上。',
  'lesson.09.list.b2':
    '每次调用，poll 都要把整个列表拷进内核再走一遍；返回之后，程序还得再把列表走一遍，找出 `revents` 被置位的 fd。',
  'lesson.09.list.q': 'ann 马上要发送 “hello”。poll 会报告哪些 fd 可读？',
  'lesson.09.fd.conn': 'fd {fd}（{client}）',
  'lesson.09.fd.listen': 'fd {fd}（监听套接字）',
  'lesson.09.list.explain':
    '只有 {ready}：其他的都没有数据可读。可为了找出这一个，内核还是把 {n} 项全都检查了一遍。',
  'lesson.09.scan.title': '扫描：一个就绪，全部检查',
  'lesson.09.scan.b1':
    'ann 的数据唤醒了线程，poll 再把列表扫描一遍：检查了 {n} 个 fd，报告 {ready} 个就绪。那些空闲连接什么都不做，却在每次调用时都要被检查一次。',
  'lesson.09.total.title': '整次运行的开销',
  'lesson.09.total.b1':
    '这次运行中，{calls} 次 poll 调用一共检查了 {checked} 个列表项，报告了 {ready} 个就绪的 fd。',
  'lesson.09.total.b2':
    '开销随监视的连接数增长，而不是随忙碌的连接数增长。如果有一万个大多空闲的客户端，每次调用就要检查一万次。',
  'lesson.09.next.title': '更好了，但还不够',
  'lesson.09.next.b1':
    'poll 解决了 select 的硬上限和别扭的位图，却没有解决线性扫描。select 和 poll 都是无状态的：每次调用之后内核就把列表忘了，所以程序得再交一次，内核也得再查一次。',
  'lesson.09.next.b2':
    'epoll（下一课）把列表留在内核里，让每个套接字在数据到达时自己报到。到 C10K 实验里对比一下，看差距如何随连接数拉大。',
  'lesson.09.link.scaling': '在 C10K 实验里看开销如何增长',
} satisfies Messages;
