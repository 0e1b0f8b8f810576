/**
 * Channel messages whose fate any sensible unprompted judgement agrees on, so the tests of the
 * plumbing around it hold whatever the judgement's details.
 */
export const QUESTION = 'How did the e-commerce platform handle flash sale traffic spikes?';
export const QUESTION_ZH = '双十一大促的秒杀流量，电商平台是怎么扛住的？';
export const CHATTER = 'deploying v2.3 to staging now 🚀';
/** A reply in a thread about the e-commerce case that asks for a part of it. */
export const FOLLOW_UP = 'and the metrics?';
export const FOLLOW_UP_ZH = '架构图呢？';
/** A reply that asks nothing. */
export const THANKS = 'thanks, that helps';
