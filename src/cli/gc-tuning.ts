import { setFlagsFromString } from 'node:v8';

/**
 * Garbage-collector settings for the long-running server, applied once it is ready (start-up
 * keeps V8's defaults: the casebook and the search index it builds are long-lived, which is
 * exactly what pretenuring is for).
 *
 * `--no-allocation-site-pretenuring`: V8 watches which allocation sites produce objects that
 * survive a scavenge and starts allocating those straight in the old generation. In a request
 * server that guess goes wrong: an object built per request but still in flight at a scavenge
 * is "tenured" from then on, and each one later sitting dead in the old generation keeps the
 * young objects it points to alive through every scavenge. On Node 20, under the bench's load
 * of slash commands, that cascade started in most runs and promoted ~1.8 MB per scavenge
 * (everything a request allocates): RSS after load 140–170 MB. Without pretenuring ~3 KB survive
 * each scavenge and RSS after load is ~125 MB. V8 reads this flag at every collection, so
 * setting it at run time takes effect (measured with `--trace-gc-nvp`; see docs/benchmarks.md).
 */
export function tuneGarbageCollector(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
