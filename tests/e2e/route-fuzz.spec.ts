/**
 * Route fuzz: every page and route of the app (found from the files under app/, like the authorization matrix) gets
 * malformed, oversized, wrongly typed and unicode-heavy path segments, query strings and bodies, anonymously and as
 * the admin. Each answer must be below 500 and free of stack traces, and no table may change. Server actions have
 * their own fuzz (tests/integration/fuzz-actions.test.ts).
 */
import Database from "better-sqlite3";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { appRoutes, expect, signIn, test } from "./fixtures";

/** Path segments and query values, already URL-encoded where the raw character could not travel in a URL. */
const BAD_VALUES = [
  "x".repeat(4000),
  encodeURIComponent("🙂".repeat(300)),
  "%00",
  "%ED%A0%80", // a lone surrogate
  "%E2%80%AE%E2%80%8F", // bidi controls
  "..%2F..%2F..%2Fetc%2Fpasswd",
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent("<script>alert(1)</script>"),
  "-1",
  "1e309",
  "null",
  "%",
];

const BAD_BODIES: [string, { data?: unknown; form?: Record<string, string>; headers?: Record<string, string> }][] = [
  ["not JSON", { data: "{oops", headers: { "content-type": "application/json" } }],
  ["an array", { data: [1, 2, 3] }],
  ["nested deep", { data: JSON.parse("[".repeat(2000) + "]".repeat(2000)) as unknown }],
  ["wrong types", { data: { reviewId: 1, itemId: null, version: "x", rating: [], responseMs: {} } }],
  ["huge", { data: { text: "x".repeat(200_000) } }],
  ["unicode", { data: { itemId: "\u202e🙂\u0000", response: "\ud800" } }],
  ["form", { form: { email: "🙂".repeat(1000), password: "\u0000", csrfToken: "x" } }],
];

const STACK_TRACE = /\n\s+at [\w$.<>]+ \(|node_modules\/|\/work\/|webpack-internal|Error: .*\n\s+at /;

function tableCounts(): Record<string, number> {
  const db = new Database("prisma/e2e.db", { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

/** The route with each dynamic segment replaced by `value` (a catch-all route keeps a fixed first part). */
const fill = (route: string, value: string) =>
  route.replace(/\[\.\.\.\w+\]/g, `session/${value}`).replace(/\[\w+\]/g, value);

async function problem(response: APIResponse, what: string): Promise<string | null> {
  const status = response.status();
  if (status >= 500) return `${what}: ${status}`;
  const body = await response.text().catch(() => "");
  return STACK_TRACE.test(body) ? `${what}: a stack trace in the ${status} answer` : null;
}

test("malformed paths, queries and bodies get a 4xx (or a page), never a 5xx or a stack trace, and change nothing", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "admin@example.com");
  const visitors: [string, APIRequestContext][] = [
    ["anonymous", await playwright.request.newContext({ baseURL })],
    ["admin", page.request],
  ];
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const before = tableCounts();

  const problems: string[] = [];
  const check = async (response: Promise<APIResponse>, what: string) => {
    try {
      const found = await problem(await response, what);
      if (found) problems.push(found);
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message.split("\n")[0]}`);
    }
  };
  for (const [who, api] of visitors) {
    for (const route of routes) {
      const dynamic = route.includes("[");
      for (const value of dynamic ? BAD_VALUES : BAD_VALUES.slice(0, 4)) {
        const url = dynamic ? fill(route, value) : `${route}?deckId=${value}&id=${value}&callbackUrl=${value}`;
        await check(api.get(url, { maxRedirects: 0 }), `${who} GET ${url.slice(0, 80)}`);
      }
      if (route.startsWith("/api/")) {
        const url = fill(route, "callback/credentials");
        for (const [label, body] of BAD_BODIES) {
          await check(api.post(url, { ...body, maxRedirects: 0 }), `${who} POST ${url} (${label})`);
        }
        await check(api.fetch(url, { method: "DELETE", maxRedirects: 0 }), `${who} DELETE ${url}`);
      }
    }
  }
  await visitors[0][1].dispose();

  expect(problems).toEqual([]);
  expect(tableCounts()).toEqual(before);
});

/** One request over a kept-alive connection after another: a response that leaves body bytes unread breaks the second. */
async function twoOnOneConnection(baseURL: string, first: { headers: Record<string, string>; body: string }) {
  const { Agent, request } = await import("node:http");
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(baseURL);
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number | string; text: string }>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? "error", text: "" }));
      if (body) req.write(body);
      req.end();
    });
  try {
    const answer = await send("POST", "/signup", first.headers, first.body);
    const next = await send("GET", "/api/health");
    return { answer, next };
  } finally {
    agent.destroy();
  }
}

test("issue 12's 500s: newline and non-ASCII callbackUrls when signed in, cross-origin and oversized server actions", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "admin@example.com");
  const origin = new URL(baseURL!).origin;
  for (const route of ["/login", "/signup"]) {
    for (const value of ["/%0a/x", "/%0d/x", "/%E2%82%AC", "/%0d%0aSet-Cookie:%20x=1", "/%09/localhost:3413/phish"]) {
      const response = await page.request.get(`${route}?callbackUrl=${value}`, { maxRedirects: 0 });
      expect(response.status(), `${route}?callbackUrl=${value}`).toBe(307);
      expect(new URL(response.headers()["location"]!, origin).origin).toBe(origin);
      expect(response.headers()["set-cookie"] ?? "").not.toContain("x=1");
    }
  }

  // A server action posted from another site (Next would throw: 500): 403 before Next reads it.
  for (const foreign of ["http://evil.example", "null"]) {
    const response = await page.request.post("/", {
      headers: { "next-action": "0".repeat(42), origin: foreign, "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status(), `Origin: ${foreign}`).toBe(403);
    expect(await response.text()).toBe("Forbidden: this form was sent from another site.");
  }

  // A body over the 2 MB action limit (Next: 500, then the connection's next request failed): 413, connection fine.
  const big = "x".repeat(2 * 1024 * 1024 + 1);
  const oversized = await twoOnOneConnection(baseURL!, {
    headers: {
      "next-action": "0".repeat(42),
      origin,
      "content-type": "text/plain",
      "content-length": String(big.length),
    },
    body: big,
  });
  expect(oversized.answer).toEqual({ status: 413, text: "Too large: a form may send at most 2 MB." });
  // The connection still serves the next request (the health check, whose body also names the database).
  expect(oversized.next.status).toBe(200);
  expect(JSON.parse(oversized.next.text)).toMatchObject({ status: "ok", db: "ok" });
});
