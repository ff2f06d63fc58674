/** 第 14 课（中文；英文见 src/i18n/en/pages/lesson-14.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.14.title': '事件循环上的协程',
  'lesson.14.summary':
    '协程是怎样“遇到阻塞 I/O 就自动切换”的？它们根本不阻塞：asyncio 先试一下，把协程挂起，然后在 epoll 里等。',
  'lesson.14.question.title': '原文开篇的问题',
  'lesson.14.question.b1':
    '原文一开头就问：协程遇到阻塞 I/O 时，是怎么自己切换的？协程只是一个可以暂停的函数，它本身对内核一无所知。',
  'lesson.14.question.b2':
    '答案就在 asyncio 事件循环的系统调用里。来看看一个协程执行 await loop.sock_recv(conn, 1024) 时到底发生了什么。',
  'lesson.14.try.title': '先直接试一下',
  'lesson.14.try.b1':
    '套接字是非阻塞的，所以 asyncio 直接调用 recv。数据还没到：立刻返回 BlockingIOError（EAGAIN）。线程一点都没有等。',
  'lesson.14.park.title': '然后登记，再挂起',
  'lesson.14.park.b1':
    'asyncio 把这个套接字登记到 epoll（EPOLL_CTL_ADD），附上一个能让该协程继续执行的回调，然后挂起协程。控制权回到事件循环，循环接着运行下一个可以运行的协程。',
  'lesson.14.sleep.title': '大家都挂起了',
  'lesson.14.sleep.b1':
    '没有一个协程能继续：每个都挂在自己的套接字上。循环调用 epoll_wait，线程在内核里睡眠，直到某个套接字就绪。',
  'lesson.14.sleep.q': '这个服务器用了几个线程来服务它的客户端？',
  'lesson.14.c.one': '一个',
  'lesson.14.c.perClient': '每个客户端一个',
  'lesson.14.c.pool': '一个小线程池',
  'lesson.14.sleep.explain':
    '这次运行为 {clients} 个客户端只启动了 {threads} 个线程。协程在这个线程上轮流执行；真正睡眠的只有事件循环，而且只睡在 epoll_wait 里。',
  'lesson.14.resume.title': '恢复执行',
  'lesson.14.resume.b1':
    'epoll_wait 报告了这个套接字，循环执行它的回调：这次 recv 成功了，asyncio 把套接字从 epoll 中移除（EPOLL_CTL_DEL），并恢复协程，协程带着数据从 await 之后继续往下走。',
  'lesson.14.answer.title': '所以，它们是怎么切换的？',
  'lesson.14.answer.b1':
    '每个针对 I/O 的 await，都是协程把控制权交还给循环的地方。那个“阻塞”调用其实从不阻塞：它是一次非阻塞的尝试，加上一次 epoll 登记。所谓切换，就是循环在用户空间里挑出下一个就绪的协程，内核里没有发生任何上下文切换。',
  'lesson.14.answer.b2':
    '代价是：只有经过事件循环的调用才管用。协程里要是调用了 time.sleep() 或者某个阻塞的库，唯一的线程就会睡过去，其他所有协程也跟着一起等。',
} satisfies Messages;
