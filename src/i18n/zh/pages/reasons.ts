/** Why part of a link was refused (src/i18n/reason.ts), shown inside a notice's sentence, loaded when one is on screen (Chinese; the same keys as src/i18n/en/pages/reasons.ts). */
import type { Messages } from '../../core.ts';

export default {
  'reason.problem': '{path}：{problem}',
  'reason.problems': '{path}：{problem}（另有 {more} 个问题）',

  'reason.url.tooLong': '链接太长',
  'reason.url.badEscape': '含有错误的 % 转义',

  'reason.link.tooLong': '链接里的场景有 {n} 个字符，最多 {max} 个',
  'reason.link.noVersion': '“{text}”开头没有版本号（应为“{version}.”）',
  'reason.link.newer': '这个链接由较新的 IO Lab 生成，场景格式为第 {version} 版；本版本只能读取第 {ours} 版',
  'reason.link.notBase64': '链接里的场景不是 base64url 文本（被截断或改动过？）',
  'reason.link.notUtf8': '链接里的场景不是 UTF-8 文本（被截断或改动过？）',
  'reason.link.notJson': '链接里的场景不是合法的 JSON（被截断或改动过？）：{detail}',
  'reason.link.tooBig': '场景有 {n} 个连接，实验台最多打开 {max} 个（请用命令行运行）',

  'reason.add.tooMany': '加入了 {n} 个操作，最多 {max} 个',
  'reason.add.shape': '第 {i} 个加入的操作“{text}”：格式应为 客户端_类型+时间[_消息]',
  'reason.add.noClient': '第 {i} 个加入的操作“{text}”：没有客户端名字，或名字里的 % 转义有误',
  'reason.add.notKind':
    '第 {i} 个加入的操作“{text}”：“{field}”不是类型字母（c、s、x、r）加以毫秒为单位的时间',
  'reason.add.unknownKind':
    '第 {i} 个加入的操作“{text}”：未知类型“{kind}”（c = 连接，s = 发送，x = 关闭，r = 重置）',
  'reason.add.late': '第 {i} 个加入的操作“{text}”：时间 {at} 毫秒超过了 {max} 毫秒',
  'reason.add.noMessage': '第 {i} 个加入的操作“{text}”：发送需要消息（或消息里的 % 转义有误）',
  'reason.add.notSend': '第 {i} 个加入的操作“{text}”：只有发送才带消息',
} satisfies Messages;
