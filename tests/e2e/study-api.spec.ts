import Database from "better-sqlite3";
import { addToStudies, expect, signIn, test } from "./fixtures";

function reviewCount() {
  const db = new Database("prisma/e2e.db", { readonly: true });
  const row = db.prepare('SELECT COUNT(*) AS n FROM "ReviewLog"').get() as { n: number };
  db.close();
  return row.n;
}

test("the study API answers bad input with a clear 4xx and changes nothing", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/study/next")).status()).toBe(401);
  expect((await anonymous.post("/api/study/reviews", { data: {} })).status()).toBe(401);
  await anonymous.dispose();
  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: "next-auth.session-token=not-a-session" },
  });
  expect((await forged.get("/api/study/next")).status()).toBe(401);
  await forged.dispose();

  await signIn(page, "admin@example.com");
  await addToStudies(page, "NATO Mission Iraq");
  const api = page.request;
  const next = await (await api.get("/api/study/next")).json();
  const card = next.card;
  expect(card).toMatchObject({ version: 0, reason: "new" });
  expect(JSON.stringify(card)).not.toContain('"answer"');

  const before = reviewCount();
  const valid = {
    reviewId: crypto.randomUUID(),
    itemId: card.itemId,
    version: 0,
    response: null,
    rating: "good",
    responseMs: 1200,
  };
  const bad: [string, unknown, number][] = [
    ["not JSON", "{oops", 400],
    ["empty object", {}, 400],
    ["wrong types", { ...valid, version: "zero", rating: 5 }, 400],
    ["unknown rating", { ...valid, rating: "perfect" }, 400],
    ["review id not a uuid", { ...valid, reviewId: "1" }, 400],
    ["huge response", { ...valid, response: "x".repeat(100_000) }, 400],
    ["unicode-heavy item id", { ...valid, itemId: "🙂".repeat(20), response: "\u0000\u202e" }, 400],
    ["overlong unicode item id", { ...valid, itemId: "🙂".repeat(200) }, 400],
    ["unknown item", { ...valid, itemId: "no-such-item" }, 404],
    ["future version", { ...valid, version: 3 }, 409],
  ];
  for (const [label, data, status] of bad) {
    const response = await api.post("/api/study/reviews", {
      data: typeof data === "string" ? data : JSON.stringify(data),
      headers: { "content-type": "application/json" },
    });
    expect(response.status(), label).toBe(status);
    const body = await response.json();
    expect(body.error.message, label).toMatch(/\w/);
    expect(JSON.stringify(body), label).not.toMatch(/at \w+ \(|node_modules/);
  }
  expect(reviewCount()).toBe(before);

  const crossSite = await api.post("/api/study/reviews", { data: valid, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect(reviewCount()).toBe(before);

  const first = await api.post("/api/study/reviews", { data: valid });
  expect(first.status()).toBe(200);
  const repeat = await api.post("/api/study/reviews", { data: valid });
  expect(repeat.status()).toBe(200);
  expect((await repeat.json()).duplicate).toBe(true);
  expect(reviewCount()).toBe(before + 1);

  const stale = await api.post("/api/study/reviews", { data: { ...valid, reviewId: crypto.randomUUID() } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.code).toBe("stale");
  expect(reviewCount()).toBe(before + 1);
});
