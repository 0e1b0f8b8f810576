import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../helpers/run-cli.js';

export const MANIFESTS = path.join(ROOT, 'manifests');
export const K8S = path.join(MANIFESTS, 'k8s');

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is walked structurally in the tests
export type Doc = Record<string, any>;

export interface ParsedFile {
  readonly file: string;
  readonly docs: Doc[];
  readonly errors: string[];
}

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function parseFile(file: string): ParsedFile {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const list = Array.isArray(docs) ? docs : [docs];
  return {
    file: path.relative(ROOT, file),
    docs: list.map((d) => d.toJS() as Doc).filter((d) => d !== null),
    errors: list.flatMap((d) => d.errors.map((e) => e.message)),
  };
}

/** Every Kubernetes object under manifests/k8s, by kind (examples and components included). */
export function k8sObjects(): Doc[] {
  return yamlFiles(K8S)
    .flatMap((f) => parseFile(f).docs.map((d): Doc => ({ ...d, __file: path.relative(K8S, f) })))
    .filter((d) => typeof d.kind === 'string');
}

export function one(kind: string, file?: string): Doc {
  const found = k8sObjects().filter((d) => d.kind === kind && (!file || d.__file === file));
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0] as Doc;
}

/** `a` ⊆ `b` for label maps. */
export function subset(a: Record<string, string>, b: Record<string, string>): boolean {
  return Object.entries(a).every(([k, v]) => b[k] === v);
}
