/** 第 10 课（中文；英文见 src/i18n/en/pages/lesson-10.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.10.title': 'epoll：只注册一次，只为就绪的醒来',
  'lesson.10.summary':
    '留在内核里的兴趣列表、由回调填充的就绪列表、水平触发与边缘触发，以及边缘触发下“只读一部分”的陷阱。',
  'lesson.10.idea.title': '一次调用拆成三次',
  'lesson.10.idea.b1':
    'epoll 把 select 的一次调用拆成了三次：epoll_create1 创建一个 epoll 实例，里面有兴趣列表和就绪列表；epoll_ctl 把套接字登记一次；epoll_wait 只交回就绪列表上的东西。',
  'lesson.10.idea.b2':
    '诀窍在于回调：登记套接字时，内核在这个套接字的等待队列上挂一个回调。数据一到，回调就把套接字放到就绪列表上。之后再也不用扫描。',
  'lesson.10.register.title': '只登记一次',
  'lesson.10.register.b1':
    '这次 epoll_ctl 把新连接加进兴趣列表。整次运行只调用了 {calls} 次 epoll_ctl，却有 {waits} 次 epoll_wait：不必像 select 和 poll 那样每次等待都把套接字重新交一遍。',
  'lesson.10.callback.title': '回调填充就绪列表',
  'lesson.10.callback.b1':
    '客户端的数据刚刚落进接收缓冲区。就在同一段内核代码里，套接字的回调把它放到了 epoll 的就绪列表上。',
  'lesson.10.callback.b2':
    'epoll_wait 只需看这张列表，所以它的开销取决于有多少套接字就绪，而不是登记了多少。',
  'lesson.10.partial.title': '可这个服务器是边缘触发的',
  'lesson.10.partial.b1':
    '你正在看的这个服务器，登记套接字时加了 EPOLLET：边缘触发。接下来同样只读一部分，同样剩下这些字节。',
  'lesson.10.partial.q': '客户端接下来一段时间什么都不发。epoll_wait 会因为剩下的字节再次报告这个套接字吗？',
  'lesson.10.c.yes': '会，马上就报：还有数据可读',
  'lesson.10.c.no': '不会：要等有新东西到来',
  'lesson.10.partial.explain':
    '边缘触发报告的是“变化”，而不是“状态”。这 {left} 个字节就一直搁在那里，{ms} 毫秒没人理，直到客户端又发来新数据、回调再次触发。',
  'lesson.10.level.title': '只读了一部分',
  'lesson.10.level.b1':
    'epoll_wait 马上要返回这个套接字，而服务器每个事件只调用一次 recv({size})。缓冲区里有客户端发来的 {sent} 个字节，所以会剩下 {left} 个。先假设这个服务器用的是水平触发（epoll 的默认方式，不加 EPOLLET）：IO Lab 在后台用同样的客户端把这个版本也跑了一遍。',
  'lesson.10.level.q': '如果是水平触发，epoll_wait 会因为剩下的字节再次报告这个套接字吗？',
  'lesson.10.level.explain':
    '水平触发下，一个套接字被报告之后，只要仍然可读，就会立刻回到就绪列表上。在那次运行里，下一次 epoll_wait 在 {us} 微秒后就再次报告了它，并没有新数据到来。',
  'lesson.10.stale.title': '这个陷阱的代价',
  'lesson.10.stale.b1':
    '到了 {ms} 毫秒，{client} 又发来一个字节。这次新的“边缘”终于唤醒了服务器，它先读到的却是最早留下的字节：{client} 收到 {data}，那是对它第一条消息的回复，而新来的字节又被搁下了。',
  'lesson.10.fix.title': '修正：一直读到 BlockingIOError',
  'lesson.10.fix.b1':
    '边缘触发时，每个事件的意思都是“有变化了，去把所有数据都拿走”。套接字必须是非阻塞的，程序要循环调用 recv，直到抛出 BlockingIOError（EAGAIN）：只有这时才能确定缓冲区已经读空。',
  'lesson.10.fix.b2':
    '修正后的服务器——[[epoll-edge]]——正是这样做的：第一次收到某个客户端的事件时，它调用了 {calls} 次 recv，回复了 {replies} 段数据，最后停在 BlockingIOError 上。',
  'lesson.10.fix.b3':
    '水平触发更简单，也更宽容；如果程序反正每次都把套接字读空，边缘触发能省下一些唤醒。无论哪种，考场的比喻都成立：监考老师只走到举手的学生那里。',
  'lesson.10.link.hall': '考场：select 与 epoll',
  'lesson.10.link.scaling': '在 C10K 实验里看 epoll',
} satisfies Messages;
