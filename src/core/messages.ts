import type { Lang } from '../catalog/schema.js';

/**
 * Every sentence the core says, in both languages. Functions take already-plain values;
 * renderers escape everything for their target format.
 */
type Messages = {
  readonly [key: string]: (...args: never[]) => { readonly en: string; readonly zh: string };
};

export const messages = {
  emptyQuery: () => ({
    en: 'Ask me about an architecture problem, e.g. “flash sale traffic” or “GPU inference”. Here is what I can do:',
    zh: '问我一个架构问题，比如“秒杀流量”或“GPU 推理”。我能做这些：',
  }),
  caseNotFound: (name: string) => ({
    en: `There is no case called “${name}”. Try \`list\` to see all cases.`,
    zh: `没有名为“${name}”的案例。试试 \`列表\` 查看全部案例。`,
  }),
  compareUsage: () => ({
    en: 'Tell me two cases to compare, e.g. `compare ecommerce finance`.',
    zh: '请给出两个要对比的案例，例如 `对比 电商平台 金融系统`。',
  }),
  compareSame: () => ({
    en: 'Those are the same case. Pick two different ones, e.g. `compare edge ai-inference`.',
    zh: '这是同一个案例。请选两个不同的案例，例如 `对比 边缘计算 AI推理`。',
  }),
  noTips: () => ({ en: 'There are no tips in the casebook yet.', zh: '案例库里还没有技巧。' }),
  feedbackThanks: (helpful: boolean) =>
    helpful
      ? { en: 'Thanks! Glad it helped.', zh: '谢谢反馈！很高兴对你有帮助。' }
      : {
          en: 'Thanks for telling us. We use this to improve the casebook.',
          zh: '感谢反馈，我们会据此改进案例库。',
        },
  storeDown: () => ({
    en: 'I can’t reach my database right now, so subscriptions and feedback are unavailable. Lookups still work; please try again in a few minutes.',
    zh: '暂时无法连接数据库，订阅和反馈功能暂不可用。查询仍然正常，请几分钟后再试。',
  }),
  storeNotSaved: () => ({
    en: 'I couldn’t save that: my database is not accepting changes right now, so nothing was changed. Please try again in a few minutes.',
    zh: '保存失败：数据库暂时无法写入，本次操作没有生效。请几分钟后再试。',
  }),
  subscribeNeedsChannel: () => ({
    en: 'Daily tips can be subscribed to in a Slack channel or a Teams conversation, not here.',
    zh: '每日技巧只能在 Slack 频道或 Teams 会话中订阅。',
  }),
  subscribeBadTime: (value: string) => ({
    en: `“${value}” is not a time I understand. Use 24-hour HH:MM, e.g. \`subscribe 09:30 Asia/Shanghai\`.`,
    zh: `无法识别时间“${value}”。请使用 24 小时制 HH:MM，例如 \`订阅 09:30 Asia/Shanghai\`。`,
  }),
  subscribeBadZone: (value: string) => ({
    en: `“${value}” is not a time zone I know. Use an IANA name such as \`Europe/Berlin\`, \`America/New_York\` or \`UTC\`, e.g. \`subscribe 09:00 Europe/Berlin\`.`,
    zh: `无法识别时区“${value}”。请使用 IANA 时区名，如 \`Asia/Shanghai\`、\`Europe/Berlin\` 或 \`UTC\`，例如 \`订阅 09:00 Asia/Shanghai\`。`,
  }),
  subscribeBadArg: (value: string) => ({
    en: `I don’t understand “${value}”. Usage: \`subscribe [HH:MM] [Area/City] [en|zh]\`, e.g. \`subscribe 09:00 Europe/London en\`.`,
    zh: `无法理解“${value}”。用法：\`订阅 [HH:MM] [地区/城市] [en|zh]\`，例如 \`订阅 09:00 Asia/Shanghai zh\`。`,
  }),
  subscribed: (time: string, zone: string, lang: Lang) => ({
    en: `Subscribed: this conversation gets a daily tip at ${time} (${zone}) in ${lang === 'zh' ? 'Chinese' : 'English'}. Stop with \`unsubscribe\`.`,
    zh: `订阅成功：本会话每天 ${time}（${zone}）收到一条${lang === 'zh' ? '中文' : '英文'}技巧。发送 \`取消订阅\` 即可停止。`,
  }),
  subscribedZoneUnknown: (time: string, lang: Lang, zone: string) => ({
    en: `Subscribed: this conversation gets a daily tip at ${time} (UTC) in ${lang === 'zh' ? 'Chinese' : 'English'}. “${zone}” is not a time zone I know, so I used UTC; to choose yours, say e.g. \`subscribe ${time} Europe/Berlin\`. Stop with \`unsubscribe\`.`,
    zh: `订阅成功：本会话每天 ${time}（UTC）收到一条${lang === 'zh' ? '中文' : '英文'}技巧。无法识别你的时区“${zone}”，已改用 UTC；如需指定，可发送 \`订阅 ${time} Asia/Shanghai\`。发送 \`取消订阅\` 即可停止。`,
  }),
  unsubscribed: () => ({
    en: 'Unsubscribed: no more daily tips here.',
    zh: '已取消订阅：这里不再发送每日技巧。',
  }),
  notSubscribed: () => ({
    en: 'This conversation has no daily tip subscription. Start one with `subscribe 09:00`.',
    zh: '本会话没有订阅每日技巧。发送 `订阅 09:00` 即可开始。',
  }),
  subscriptionStatus: (time: string, zone: string, lang: Lang) => ({
    en: `This conversation gets a daily tip at ${time} (${zone}) in ${lang === 'zh' ? 'Chinese' : 'English'}.`,
    zh: `本会话每天 ${time}（${zone}）收到一条${lang === 'zh' ? '中文' : '英文'}技巧。`,
  }),
  autoNeedsChannel: () => ({
    en: 'Answering without a mention is for channels and group conversations. Here I already answer everything you write.',
    zh: '自动回答只适用于频道和群聊。在这里，你发的每条消息我都会回答。',
  }),
  handoffLimited: (max: number) => ({
    en: `You have asked for a person ${max} times in the last hour, which is as many as I pass on. Please give them a little time, or ask in the channel directly.`,
    zh: `你在过去一小时里已经请人帮忙 ${max} 次，这是我能转达的上限。请给大家一点时间，或直接在频道里提问。`,
  }),
  handoffNeedsPlatform: () => ({
    en: 'Asking a person works in Slack and Teams, where the people are.',
    zh: '找人帮忙只能在 Slack 和 Teams 里使用。',
  }),
  handoffGone: () => ({
    en: 'I can’t find that request for a person any more.',
    zh: '找不到这条求助了。',
  }),
  draftSent: (file: string) => ({
    en: `📝 I’ve sent you a draft case from this thread in our direct messages: ${file}. Replace every “TODO:”, add it to the casebook, then run \`casebot validate\`.`,
    zh: `📝 我已把根据这个讨论串起草的案例私信发给你：${file}。替换掉每个 “TODO:”，加入案例库，然后运行 \`casebot validate\`。`,
  }),
  draftComment: () => ({
    en: 'A draft case from the thread you picked. Replace every “TODO:” (`casebot validate` names those left), add it to the casebook folder, and it is ready to serve.',
    zh: '根据你选的讨论串起草的案例。替换掉每个 “TODO:”（`casebot validate` 会列出剩下的），放进案例库目录即可使用。',
  }),
  draftInline: () => ({
    en: 'I couldn’t send the draft as a file, so here it is (only you can see this):',
    zh: '无法以文件形式发送草稿，内容如下（只有你能看到）：',
  }),
  draftCannotRead: () => ({
    en: 'I can’t read this thread. Invite me to the channel first (`/invite @casebot`), then try again.',
    zh: '我无法读取这个讨论串。请先邀请我加入频道（`/invite @casebot`），然后再试。',
  }),
  apology: (requestId: string) => ({
    en: `Sorry, something went wrong on my side. Please try again. (request id: ${requestId})`,
    zh: `抱歉，我这边出了点问题，请稍后再试。（请求编号：${requestId}）`,
  }),
} satisfies Messages;

export type MessageKey = keyof typeof messages;
