/**
 * Slack's documented Block Kit limits, checked independently of the renderer's own constants.
 * Returns one line per violation (empty when the message is fine).
 */
type Json = Record<string, unknown>;

const LIMITS = {
  blocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  altText: 2000,
  imageTitle: 2000,
  contextElements: 10,
  actionsElements: 25,
  id: 255,
  totalText: 12_000,
};

function textLength(value: unknown, key?: string): number {
  if (typeof value === 'string') {
    return key === 'text' || key === 'alt_text' || key === 'image_url' || key === 'value'
      ? value.length
      : 0;
  }
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + textLength(v), 0);
  if (value && typeof value === 'object') {
    return Object.entries(value).reduce<number>((n, [k, v]) => n + textLength(v, k), 0);
  }
  return 0;
}

export function checkBlockKitLimits(
  message: { text?: string; blocks: readonly unknown[] },
  kind: 'message' | 'view' = 'message',
): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string): void => {
    problems.push(`${where}: ${what}`);
  };
  if (kind === 'message' && (!message.text || message.text.trim() === ''))
    fail('text', 'empty fallback text');
  const maxBlocks = kind === 'view' ? LIMITS.viewBlocks : LIMITS.blocks;
  if (message.blocks.length > maxBlocks) fail('blocks', `${message.blocks.length} > ${maxBlocks}`);
  if (message.blocks.length === 0) fail('blocks', 'no blocks');
  const total = textLength(message.blocks);
  if (total > LIMITS.totalText) fail('blocks', `total text ${total} > ${LIMITS.totalText}`);

  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  const plainText = (where: string, t: unknown, max: number) => {
    const o = t as Json | undefined;
    if (o?.type !== 'plain_text' || typeof o.text !== 'string')
      return fail(where, 'not plain_text');
    if (o.text.length === 0) fail(where, 'empty text');
    if (o.text.length > max) fail(where, `text ${o.text.length} > ${max}`);
  };
  const textObject = (where: string, t: unknown, max: number) => {
    const o = t as Json | undefined;
    if (!o || (o.type !== 'mrkdwn' && o.type !== 'plain_text') || typeof o.text !== 'string') {
      return fail(where, 'bad text object');
    }
    if (o.text.length === 0) fail(where, 'empty text');
    if (o.text.length > max) fail(where, `text ${o.text.length} > ${max}`);
  };
  const buttonCheck = (where: string, el: Json) => {
    if (el.type !== 'button') return fail(where, `unexpected element ${String(el.type)}`);
    plainText(`${where}.text`, el.text, LIMITS.buttonText);
    const id = el.action_id;
    if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.id)
      fail(where, 'bad action_id');
    else if (actionIds.has(id)) fail(where, `duplicate action_id ${id}`);
    else actionIds.add(id);
    if (typeof el.value === 'string' && el.value.length > LIMITS.buttonValue)
      fail(where, 'value too long');
    if (typeof el.url === 'string' && el.url.length > LIMITS.url) fail(where, 'url too long');
    if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger')
      fail(where, 'bad style');
  };

  message.blocks.forEach((raw, i) => {
    const block = raw as Json;
    const where = `blocks[${i}] (${String(block.type)})`;
    const id = block.block_id;
    if (id !== undefined) {
      if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.id)
        fail(where, 'bad block_id');
      else if (blockIds.has(id)) fail(where, `duplicate block_id ${id}`);
      else blockIds.add(id);
    }
    switch (block.type) {
      case 'header':
        plainText(`${where}.text`, block.text, LIMITS.header);
        break;
      case 'section': {
        const fields = block.fields as Json[] | undefined;
        if (!block.text && !fields) fail(where, 'neither text nor fields');
        if (block.text) textObject(`${where}.text`, block.text, LIMITS.sectionText);
        if (fields) {
          if (fields.length === 0 || fields.length > LIMITS.fields)
            fail(where, `${fields.length} fields`);
          fields.forEach((f, n) => {
            textObject(`${where}.fields[${n}]`, f, LIMITS.fieldText);
          });
        }
        if (block.accessory) buttonCheck(`${where}.accessory`, block.accessory as Json);
        break;
      }
      case 'context': {
        const els = block.elements as Json[];
        if (!Array.isArray(els) || els.length === 0 || els.length > LIMITS.contextElements) {
          fail(where, 'bad elements');
          break;
        }
        els.forEach((e, n) => {
          textObject(`${where}.elements[${n}]`, e, LIMITS.sectionText);
        });
        break;
      }
      case 'actions': {
        const els = block.elements as Json[];
        if (!Array.isArray(els) || els.length === 0 || els.length > LIMITS.actionsElements) {
          fail(where, 'bad elements');
          break;
        }
        els.forEach((e, n) => {
          buttonCheck(`${where}.elements[${n}]`, e);
        });
        break;
      }
      case 'image': {
        const url = block.image_url;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) fail(where, 'bad image_url');
        else if (url.length > LIMITS.url) fail(where, `image_url ${url.length} > ${LIMITS.url}`);
        const alt = block.alt_text;
        if (typeof alt !== 'string' || alt.length === 0 || alt.length > LIMITS.altText)
          fail(where, 'bad alt_text');
        if (block.title) plainText(`${where}.title`, block.title, LIMITS.imageTitle);
        break;
      }
      case 'divider':
        break;
      default:
        fail(where, 'unexpected block type');
    }
  });
  return problems;
}

/** Every mrkdwn string in a message (block texts, fields, context elements and `text`). */
export function allMrkdwn(message: { text?: string; blocks: readonly unknown[] }): string[] {
  const out: string[] = message.text ? [message.text] : [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(message.blocks);
  return out;
}
