import type { ConceptDef } from './concept-data.js';

/**
 * Outside the field: what people ask about as shoppers, customers, students and at home, in the
 * words they share with the field (a shopper's order, a home router, a GPU for gaming). Every
 * concept here is `outside`: a question that mentions one is answered by a case only when the
 * casebook itself talks about it. Same editing rules as `concept-data.ts`.
 */
export const OUTSIDE_CONCEPTS: readonly ConceptDef[] = [
  {
    id: 'personal-shopping',
    outside: true,
    en: 'i bought | i ordered | i paid | my order | my orders | my package | my parcel | my delivery | cancel my | return an item | return policy | refund for my | worth buying | what to buy | which one to buy | gift ideas | best deals on | tv | tvs | television | shoes | sneakers | clothes | laptop deals | headphones | groceries | furniture | should i buy | where can i buy | tracking number | delivery date | my coupon | on a budget | any deals | cheapest | where to buy | my cart | my shopping cart | my basket | price drop | prices drop | when will prices',
    zh: '买什么 | 值得买 | 划算 | 哪个好 | 推荐买 | 退货 | 换货 | 我买的 | 我的订单 | 快递 | 包裹 | 电视 | 衣服 | 鞋子 | 零食 | 家电 | 怎么领 | 在哪领 | 哪里领 | 领券 | 领优惠券 | 怎么用券 | 包邮 | 凑单 | 返现 | 什么时候到 | 发货 | 物流 | 值不值得买 | 有什么优惠 | 什么优惠 | 打几折 | 最便宜 | 哪里便宜 | 便宜点 | 红包怎么用 | 优惠券怎么用 | 券怎么用 | 值得吗 | 熬夜抢 | 我的购物车 | 红包雨 | 降价 | 什么时候降 | 价格什么时候',
  },
  {
    id: 'personal-banking',
    outside: true,
    en: 'my bank card | my card | my credit card | my account | my balance | card blocked | card declined | atm | pin code | open an account | interest rate | mortgage | opening hours | branch hours | my debit card | paypal | venmo | zelle | transfer limit | fees | brokerage account | trading account | savings account',
    zh: '我的银行卡 | 银行卡 | 我的卡 | 卡被冻结 | 被冻结 | 我的账户 | 开户 | 房贷 | 利率 | 取款机 | 密码忘了 | 信用卡 | 储蓄卡 | 借记卡 | 我的信用卡 | 被盗刷 | 挂失 | 补卡 | 办卡 | 销卡 | 几点下班 | 营业时间 | 几点开门 | 支付宝 | 微信支付 | 余额宝 | 限额 | 转账限额 | 手续费 | 证券账户 | 股票账户 | 账户怎么开 | 怎么开户 | 到账时间 | 多久到账',
  },
  {
    id: 'investing',
    outside: true,
    en: 'stock price | share price | stock prices | stocks to buy | stock tips | invest in | investing | my portfolio | dividend | dividends | crypto price',
    zh: '股价 | 炒股 | 买股票 | 股票推荐 | 理财产品 | 基金推荐 | 涨停 | 跌停',
  },
  {
    id: 'home-life',
    outside: true,
    en: 'at home | my home | my house | home wifi | home network | home router | my wifi | my kids | for kids | my family | toy | toys | lego | my laptop | my phone | my computer | my router | my dog | my cat | pet | pets | my car | my mom | my mum | my dad | my parents | my wife | my husband | my friend | my friends | robot vacuum | roomba | smart home | smart speaker | alexa | fridge | washing machine',
    zh: '家里 | 我家 | 在家 | 家用 | 家庭网络 | 孩子 | 小孩 | 宽带 | 玩具 | 我的电脑 | 我的手机 | 路由器 | 家里网 | 手机卡 | 电费 | 水电费 | 话费 | 我的车 | 宠物 | 我妈 | 我爸 | 父母 | 家人 | 老婆 | 老公 | 朋友 | 熬夜 | 扫地机器人 | 智能家居 | 智能音箱 | 冰箱 | 洗衣机 | 空调',
  },
  {
    id: 'web-browser',
    outside: true,
    en: 'browser | browsers | edge browser | microsoft edge | chrome | firefox | safari | browser tab | tabs | browser extension',
    zh: '浏览器 | 谷歌浏览器 | 火狐 | 标签页 | 插件',
  },
  {
    id: 'leisure',
    outside: true,
    en: 'gaming | video game | video games | game console | playstation | xbox | photo shoot | photoshoot | runway | fashion | catwalk | model airplane | model plane | model kit | hobby | hobbies | vacation | flight | flights | hotel | hotels | movie | movies | video editing | photo editing | toy train | train set | model railway | factory tour | field trip',
    zh: '游戏 | 打游戏 | 玩游戏 | 模特 | 拍照 | 摆姿势 | 航模 | 车模 | 手办 | 旅游 | 机票 | 酒店 | 电影 | 追剧 | 挖矿 | 参观 | 参观工厂',
  },
  {
    id: 'learning-careers',
    outside: true,
    en: 'tutorial | tutorials | course | courses | book | books | textbook | become a | career | careers | job interview | interview questions | salary | salaries | resume | hiring | homework | exam | cloud certification | aws certification | kubernetes certification | cka | ckad | certification exam | make money | making money | business model | internship | intern | thesis | dissertation | research paper | replace programmers | take our jobs | statistical inference | statistics class | how to say | in english | in chinese | translate | translation | bootcamp',
    zh: '入门 | 教程 | 看什么书 | 推荐书 | 书籍 | 课程 | 学习路线 | 面试 | 面试题 | 工资 | 薪资 | 转行 | 招聘 | 招工 | 简历 | 考证 | 作业 | 考试 | 云认证 | 认证考试 | 怎么学习 | 怎么学 | 如何学习 | 自学 | 学习资料 | 学什么 | 赚钱 | 怎么赚钱 | 盈利模式 | 实习 | 论文 | 毕业论文 | 毕设 | 毕业设计 | 取代程序员 | 会取代 | 失业 | 统计推断 | 统计学 | 用英语怎么说 | 英文怎么说 | 中文怎么说 | 翻译 | 训练营 | 报名',
  },
  {
    id: 'ai-tools',
    outside: true,
    en: 'prompt engineering | write a prompt | writing prompts | ai art | ai image generator | ai writing | midjourney',
    zh: '提示词 | 写提示词 | ai绘画 | ai画图 | ai写作',
  },
  {
    id: 'freight',
    outside: true,
    en: 'shipping container | shipping containers | cargo container | container ship | freight | 40ft | 20ft | intermodal',
    zh: '海运集装箱 | 货柜 | 货运 | 海运 | 集装箱船 | 集装箱运输',
  },
  {
    id: 'personal-accounts',
    outside: true,
    en: "password | passwords | forgot my password | reset my password | can't log in | cannot log in | username | verification code",
    zh: '密码 | 忘记密码 | 改密码 | 登不上 | 登录不上 | 验证码 | 账号被封 | 注册账号',
  },
  {
    id: 'business-side',
    outside: true,
    en: 'customer service scripts | sales scripts | marketing copy | copywriting | seo | social media marketing | advertising | ad campaign | payroll | bookkeeping | open an online shop | open a shop | start an online store | become a seller | seller account | sell on instagram | instagram | etsy | tiktok shop',
    zh: '客服话术 | 话术 | 文案 | 运营技巧 | 店铺运营 | 引流 | 投放广告 | 广告投放 | 选品 | 直通车 | 记账软件 | 开网店 | 怎么开店 | 开店 | 起号 | 涨粉 | 直播运营 | 带货技巧',
  },
  {
    id: 'health',
    outside: true,
    en: 'mental health | personality disorder | depression | anxiety disorder | see a doctor | my doctor | illness | disease | medication | therapist | therapy | insomnia | flu | fever',
    zh: '人格障碍 | 心理疾病 | 心理问题 | 抑郁症 | 焦虑症 | 看医生 | 看病 | 感冒 | 发烧 | 吃什么药 | 疾病 | 失眠 | 心理咨询',
  },
  {
    id: 'other-engineering',
    outside: true,
    en: 'self-driving | self driving | autonomous driving | autonomous vehicle | autonomous vehicles | driverless | at the hardware level | chip design | transistor | transistors | silicon level',
    zh: '自动驾驶 | 无人驾驶 | 无人车 | 芯片设计 | 晶体管 | 硬件层面',
  },
  {
    id: 'consumer-help',
    outside: true,
    en: 'is it safe to | is it worth it to | can i get | how do i get | how do i cancel | cancel an order | get a refund | promo codes for | food delivery | takeaway | uber eats | doordash',
    zh: '怎么取消 | 取消订单 | 订单怎么取消 | 失败怎么办 | 转账失败 | 安全吗 | 靠谱吗 | 能不能退 | 外卖 | 点外卖',
  },
];
