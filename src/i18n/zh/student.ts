/** 实验页的“你来当客户端”面板：学生在当前这一步加入的客户端操作。 */
import type { Messages } from '../core.ts';

export default {
  'student.problem.empty': '请先输入消息。',
  'student.problem.tooLong': '消息太长了：最多 {max} 字节。',
  'student.problem.late': '这个时刻已经超出场景允许的最长运行时间（{max} ms）。',
  'student.problem.connectOnce':
    '{client} 在这个场景里已经连接过了，一个客户端只能连接一次。想再开一个连接，请选择新客户端。',
  'student.problem.connectFirst': '{client} 此刻还没有连接：请先连接。',
  'student.problem.ended': '{client} 此刻已经结束了它的连接，请换一个新客户端。',
  'student.problem.laterActions':
    '{client} 在这之后还安排了 {n} 个操作，现在关闭会让它们落在连接结束之后。请用你自己的客户端，或者先走过它的最后一个操作。',
  'student.problem.serverGone': '服务器已经关闭了和 {client} 的连接，发过去也没人读。请换一个新客户端。',
  'student.problem.invalid': '这样会让场景不合法：{reason}',
  'student.problem.noSuchAction': '没有第 {n} 个加入的操作可以撤回。',
  'student.notice.badAdd': '链接里加入的客户端操作无法使用（{reason}），下面显示的是不含这些操作的场景。',
} satisfies Messages;
