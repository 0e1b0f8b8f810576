/** One scrape of `/metrics`: every sample by its series (`name{labels}`), comments left out. */
export type Scrape = Map<string, number>;

export function parseScrape(text: string): Scrape {
  const samples: Scrape = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

export async function scrape(port: number): Promise<Scrape> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return parseScrape(await res.text());
}

/** `name{a="x",b="y"}` with the labels in the order given. */
export function series(name: string, labels: Record<string, string> = {}): string {
  const inner = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return inner ? `${name}{${inner}}` : name;
}

/** How much each series moved between two scrapes (series absent before count from 0). */
export function moved(before: Scrape, after: Scrape, prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of after) {
    if (!key.startsWith(prefix)) continue;
    const delta = value - (before.get(key) ?? 0);
    if (delta !== 0) out[key] = delta;
  }
  return out;
}
