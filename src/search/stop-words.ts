/**
 * Words that carry no meaning for finding a case. They never hit a case on their own and do not
 * count when we measure how much of a question the casebook explains.
 */
export const EN_STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if so as at by for from in into of off on onto out over to up with without
  about above after again against all am any are aren be been before being below between both can
  could couldn did didn do does doesn doing don down during each few further had has have having he
  her here hers him his how i im ive id ll me more most my myself no nor not now once only other
  our ours ourselves own same she should shouldn some such than that thats the their theirs them
  then there these they this those through too under until very was wasn we were weren what whats
  when where which while who whom why will would wouldn you your yours yourself u ur pls please plz
  lol haha ok okay hey yeah yes just like really basically actually anyway kind sort thing things
  stuff get gets got getting go goes going want wants need needs tell show give me let lets know
  anyone someone somebody something anything way ways also still even much many lot lots bunch its
  it is isn s t d m re ve`.split(/\s+/),
);

/** Chinese function words and filler, longest first when matched as substrings. */
export const ZH_STOP_WORDS: readonly string[] = [
  '有没有',
  '是不是',
  '能不能',
  '可不可以',
  '怎么办',
  '怎么做',
  '怎么搞',
  '怎么样',
  '为什么',
  '请问',
  '一下',
  '我们',
  '你们',
  '他们',
  '什么',
  '怎么',
  '如何',
  '哪个',
  '哪些',
  '那个',
  '这个',
  '这种',
  '那种',
  '这些',
  '那些',
  '可以',
  '就是',
  '还是',
  '还有',
  '但是',
  '然后',
  '因为',
  '所以',
  '如果',
  '已经',
  '一个',
  '一些',
  '现在',
  '时候',
  '的话',
  '感觉',
  '其实',
  '比较',
  '特别',
  '一直',
  '的',
  '了',
  '是',
  '吗',
  '呢',
  '啊',
  '吧',
  '呀',
  '嘛',
  '么',
  '哦',
  '在',
  '和',
  '与',
  '及',
  '或',
  '我',
  '你',
  '他',
  '她',
  '它',
  '也',
  '都',
  '就',
  '把',
  '被',
  '给',
  '这',
  '那',
  '个',
  '有',
  '要',
  '想',
  '能',
  '会',
  '让',
  '很',
  '又',
  '才',
  '太',
  '啥',
  '得',
  '着',
  '过',
];

/**
 * Words of the domain itself: every case is about Kubernetes and containers, so these neither
 * pick a case nor make a question less in scope when nothing else matches (IDF takes care of
 * their weight when they do hit).
 */
export const GENERIC_WORDS: readonly string[] = [
  'kubernetes',
  'k8s',
  'container',
  'containers',
  'containerised',
  'containerized',
  'docker',
  'cloud native',
  'cloud',
  'case',
  'cases',
  'casebook',
  'example',
  'similar',
  'reference',
  '容器',
  '容器化',
  '云原生',
  '上云',
  '案例',
  '参考',
  '类似',
  '例子',
  '现成',
  '思路',
];
