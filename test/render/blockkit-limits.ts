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
  /** Table block: rows (header included), cells per row, column_settings, cell text per message. */
  tableRows: 100,
  tableCells: 20,
  tableColumnSettings: 20,
  tableText: 10_000,
  /** Context actions block: elements; feedback button text, value and accessibility label. */
  contextActionsElements: 5,
  feedbackLabel: 75,
};

/** Every `text` of the text runs in a table cell (raw_text or rich_text). */
function cellText(cell: Json): string[] {
  if (cell.type === 'raw_text') return [String(cell.text ?? '')];
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      if ((o.type === 'text' || o.type === 'link') && typeof o.text === 'string') out.push(o.text);
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(cell.elements);
  return out;
}

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
  let tables = 0;
  let tableText = 0;
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
      case 'table': {
        tables += 1;
        if (kind !== 'message') fail(where, 'a table belongs in a message');
        if (tables > 1) fail(where, 'only one table is allowed per message');
        const rows = block.rows as Json[][] | undefined;
        if (!Array.isArray(rows) || rows.length === 0 || rows.length > LIMITS.tableRows) {
          fail(where, `rows: ${Array.isArray(rows) ? rows.length : 'missing'}`);
          break;
        }
        const width = rows[0]?.length ?? 0;
        for (const [r, row] of rows.entries()) {
          if (!Array.isArray(row) || row.length === 0 || row.length > LIMITS.tableCells) {
            fail(`${where}.rows[${r}]`, `${Array.isArray(row) ? row.length : 0} cells`);
            continue;
          }
          if (row.length !== width) fail(`${where}.rows[${r}]`, 'not as wide as the header');
          for (const [c, cell] of row.entries()) {
            const at = `${where}.rows[${r}][${c}]`;
            if (cell.type !== 'raw_text' && cell.type !== 'rich_text') {
              fail(at, `cell type ${String(cell.type)}`);
              continue;
            }
            const texts = cellText(cell);
            if (texts.join('').trim() === '') fail(at, 'empty cell');
            tableText += texts.join('').length;
          }
        }
        const settings = block.column_settings as Json[] | undefined;
        if (settings !== undefined) {
          if (!Array.isArray(settings) || settings.length > LIMITS.tableColumnSettings)
            fail(where, 'bad column_settings');
          else
            settings.forEach((s, n) => {
              if (s.align !== undefined && !['left', 'center', 'right'].includes(String(s.align)))
                fail(`${where}.column_settings[${n}]`, 'bad align');
              if (s.is_wrapped !== undefined && typeof s.is_wrapped !== 'boolean')
                fail(`${where}.column_settings[${n}]`, 'bad is_wrapped');
            });
        }
        break;
      }
      case 'context_actions': {
        if (kind !== 'message') fail(where, 'context actions belong in a message');
        const els = block.elements as Json[];
        if (!Array.isArray(els) || els.length === 0 || els.length > LIMITS.contextActionsElements) {
          fail(where, 'bad elements');
          break;
        }
        for (const [n, e] of els.entries()) {
          const at = `${where}.elements[${n}]`;
          if (e.type !== 'feedback_buttons') {
            fail(at, `unexpected element ${String(e.type)}`);
            continue;
          }
          const id = e.action_id;
          if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.id)
            fail(at, 'bad action_id');
          else if (actionIds.has(id)) fail(at, `duplicate action_id ${id}`);
          else actionIds.add(id);
          for (const side of ['positive_button', 'negative_button'] as const) {
            const button = e[side] as Json | undefined;
            if (!button) {
              fail(at, `no ${side}`);
              continue;
            }
            plainText(`${at}.${side}.text`, button.text, LIMITS.feedbackLabel);
            if (typeof button.value !== 'string' || button.value.length === 0)
              fail(`${at}.${side}`, 'no value');
            else if (button.value.length > LIMITS.buttonValue)
              fail(`${at}.${side}`, 'value too long');
            const label = button.accessibility_label;
            if (
              label !== undefined &&
              (typeof label !== 'string' || label.length > LIMITS.feedbackLabel)
            )
              fail(`${at}.${side}`, 'bad accessibility_label');
          }
        }
        break;
      }
      default:
        fail(where, 'unexpected block type');
    }
  });
  if (tableText > LIMITS.tableText) fail('table', `cell text ${tableText} > ${LIMITS.tableText}`);
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
