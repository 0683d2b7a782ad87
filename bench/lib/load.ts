/**
 * Drives the study loop over HTTP with autocannon. Each connection is one learner answering their own cards: the
 * first request fetches the next card (GET /api/study/next), every later one answers the card the previous response
 * returned (POST /api/study/reviews, rating "good", a fresh reviewId) and gets the following card back. A learner
 * whose queue is empty, or who answered ANSWERS_PER_LEARNER cards, is handed back and the connection takes the next
 * free learner.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";

export type Learner = { id: string; headers: Record<string, string> };
type Card = { itemId: string; version: number };
type Context = { learner?: Learner; card?: Card | null; started?: number; posting?: boolean };

/**
 * Signs in over next-auth's credentials flow and returns the cookie header that carries the session. `client` is
 * sent as X-Forwarded-For: each bench learner is its own client, as behind a proxy (the bench's server runs with
 * TRUST_PROXY=1, bench/lib/servers.ts), instead of one loopback address for all of them.
 */
export async function signIn(base: string, email: string, password: string, client: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": client } });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), "x-forwarded-for": client },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`sign-in failed for ${email}: ${response.status}`);
  }
  return cookie();
}

/** Runs `tasks` with at most `limit` at a time. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export type LoadResult = {
  concurrency: number;
  seconds: number;
  reviews: number;
  reviews_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  next_requests: number;
  errors: Record<string, number>;
  learners_emptied: number;
};

/** Answers per learner in one bench (a heavy study day); then the connection moves on to a fresh learner. */
export const ANSWERS_PER_LEARNER = 150;

/**
 * Hands out learners so that no two connections answer for the same learner at once, each learner at most
 * ANSWERS_PER_LEARNER times over all the runs against one server: a learner's queue work grows with what they did
 * today, so runs that reused the same few learners for thousands of answers would measure an unrealistic day.
 */
export class LearnerPool {
  private cursor = 0;
  private readonly busy = new Set<string>();
  readonly emptied = new Set<string>();
  private readonly answered = new Map<string, number>();
  /** Times take() found no fresh learner and handed out a used one (the run then measures empty queues). */
  overdrawn = 0;
  constructor(private readonly learners: Learner[]) {}
  /** Counts an answer; true when the learner has had their day. */
  count(learner: Learner): boolean {
    const answered = (this.answered.get(learner.id) ?? 0) + 1;
    this.answered.set(learner.id, answered);
    return answered >= ANSWERS_PER_LEARNER;
  }
  take(): Learner {
    for (let tries = 0; tries < this.learners.length; tries += 1) {
      const learner = this.learners[this.cursor++ % this.learners.length]!;
      if (!this.busy.has(learner.id) && !this.emptied.has(learner.id)) {
        this.busy.add(learner.id);
        return learner;
      }
    }
    // Every learner is done for today (or busy): keep going with one, so the run still measures something; the
    // result reports it (errors.pool_dry): sign more learners in (--sign-ins) or build more (--learners).
    this.overdrawn += 1;
    return this.learners[this.cursor++ % this.learners.length]!;
  }
  give(learner: Learner, empty: boolean) {
    this.busy.delete(learner.id);
    if (empty) this.emptied.add(learner.id);
  }
}

/** One timed run at a fixed concurrency. */
export async function studyLoad(opts: {
  /** One server, or several: autocannon spreads the connections over them in turn (round-robin). */
  url: string | string[];
  learners: LearnerPool;
  concurrency: number;
  seconds: number;
}): Promise<LoadResult> {
  const learners = opts.learners;
  const emptiedBefore = learners.emptied.size;
  const overdrawnBefore = learners.overdrawn;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let reviews = 0;
  let nextRequests = 0;

  const step = {
    method: "GET" as const,
    path: "/api/study/next",
    setupRequest(request: Record<string, unknown>, context: Context) {
      context.learner ??= learners.take();
      const headers = { ...context.learner.headers };
      context.started = performance.now();
      if (!context.card) {
        context.posting = false;
        return { ...request, method: "GET", path: "/api/study/next", headers, body: undefined };
      }
      context.posting = true;
      const body = JSON.stringify({
        reviewId: randomUUID(),
        itemId: context.card.itemId,
        version: context.card.version,
        response: null,
        rating: "good",
        responseMs: 1500,
      });
      return {
        ...request,
        method: "POST",
        path: "/api/study/reviews",
        headers: { ...headers, "content-type": "application/json" },
        body,
      };
    },
    onResponse(status: number, body: string, context: Context) {
      const elapsed = performance.now() - (context.started ?? 0);
      if (context.posting) latencies.push(elapsed);
      else nextRequests += 1;
      if (status !== 200) {
        errors[status] = (errors[status] ?? 0) + 1;
        context.card = undefined;
        return;
      }
      const parsed = JSON.parse(body) as { card?: Card | null; next?: { card: Card | null } };
      const done = context.posting && context.learner ? learners.count(context.learner) : false;
      if (context.posting) reviews += 1;
      const card = context.posting ? parsed.next?.card : parsed.card;
      context.card = done ? undefined : card;
      if ((done || !card) && context.learner) {
        learners.give(context.learner, true);
        context.learner = undefined;
      }
    },
  };
  // autocannon deep-copies the list of requests for every connection (lodash.clonedeep) and resets a connection's
  // context when it wraps around it. A list of 200,000 steps made the load generator spend seconds of the run's CPU
  // copying at concurrency 32; with 1,000 a connection wraps after 1,000 requests, starts over with a fresh learner
  // and leaves the one it had marked busy (never handed out again), which costs nothing but that learner.
  const requests = new Array(1000).fill(step);
  const started = performance.now();
  const result = await autocannon({
    // A list is supported at run time (connection i goes to url[i % n]), though autocannon's types say string.
    url: opts.url as string,
    connections: opts.concurrency,
    pipelining: 1,
    duration: opts.seconds,
    requests,
    timeout: 30,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.errors > 0) errors.socket = result.errors;
  if (result.timeouts > 0) errors.timeout = result.timeouts;
  if (learners.overdrawn > overdrawnBefore) errors.pool_dry = learners.overdrawn - overdrawnBefore;
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    concurrency: opts.concurrency,
    seconds: round(seconds),
    reviews,
    reviews_per_s: Math.round(reviews / result.duration),
    p50_ms: round(percentile(sorted, 0.5)),
    p95_ms: round(percentile(sorted, 0.95)),
    p99_ms: round(percentile(sorted, 0.99)),
    max_ms: round(sorted.at(-1) ?? NaN),
    next_requests: nextRequests,
    errors,
    learners_emptied: learners.emptied.size - emptiedBefore,
  };
}

/**
 * Requests per second of one GET route at a fixed concurrency: the reference point for the study loop. The app's
 * /api/health is "a route with one Prisma count query", the issue's own yardstick (about 650/s when it was filed).
 */
export async function routeThroughput(url: string, concurrency: number, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: concurrency, duration: seconds, pipelining: 1 });
  return Math.round(result.requests.average);
}
