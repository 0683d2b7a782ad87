/**
 * Every page and route of the app with what each kind of visitor gets (tests/e2e/authorization.spec.ts checks all
 * of it on SQLite; smoke-postgres.spec.ts opens every page the demo accounts may open, on two instances on one
 * PostgreSQL), and the rows those need.
 */
import Database from "better-sqlite3";
import type { APIRequestContext, Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect } from "./fixtures";

export type Persona = "anonymous" | "learner" | "otherLearner" | "instructor" | "otherInstructor" | "admin";
export const PERSONAS: Persona[] = ["anonymous", "learner", "otherLearner", "instructor", "otherInstructor", "admin"];
/** ok: 200 · login: sent to /login (pages) or 401 (API) · home: a signed-in user is sent home · 404 · 400 · 405 */
export type Outcome = "ok" | "login" | "home" | "404" | "400";

export type Ids = {
  deckId: string;
  itemId: string;
  classId: string;
  setId: string;
  assignmentId: string;
  code: string;
  attemptId: string;
  /** The learner's open attempt at a quiz of a class they were removed from (issue 12, finding 8). */
  removedAttemptId: string;
  /** The demo instructor's draft deck and its item (issue 14): nobody else may open or study it. */
  draftDeckId: string;
  draftItemId: string;
};

/** Every page and route of the app: a new one without a row here fails the "covers every route" test. */
export const MATRIX: {
  route: string;
  method?: "GET" | "POST";
  url: (ids: Ids) => string;
  expect: Record<Persona, Outcome>;
}[] = [
  { route: "/", url: () => "/", expect: all("ok") },
  { route: "/login", url: () => "/login", expect: { ...all("home"), anonymous: "ok" } },
  { route: "/signup", url: () => "/signup", expect: { ...all("home"), anonymous: "ok" } },
  { route: "/forgot-password", url: () => "/forgot-password", expect: all("ok") },
  // An unknown token: the page says the link is not valid (nobody learns anything from it).
  { route: "/reset-password", url: () => `/reset-password?token=${"x".repeat(43)}`, expect: all("ok") },
  { route: "/decks", url: () => "/decks", expect: signedIn("ok") },
  { route: "/decks/new", url: () => "/decks/new", expect: teachers("ok") },
  { route: "/decks/import", url: () => "/decks/import", expect: teachers("ok") },
  { route: "/decks/[deckId]", url: (i) => `/decks/${i.deckId}`, expect: signedIn("ok") },
  {
    route: "/decks/[deckId]/items/[itemId]",
    url: (i) => `/decks/${i.deckId}/items/${i.itemId}`,
    expect: signedIn("ok"),
  },
  {
    route: "/decks/[deckId]/items/[itemId]/info",
    url: (i) => `/decks/${i.deckId}/items/${i.itemId}/info`,
    expect: signedIn("ok"),
  },
  { route: "/decks/[deckId]/study", url: (i) => `/decks/${i.deckId}/study`, expect: signedIn("ok") },
  { route: "/browse", url: () => "/browse?q=nato&state=new&sort=due", expect: signedIn("ok") },
  { route: "/decks/[deckId]/browse", url: (i) => `/decks/${i.deckId}/browse?q=iraq`, expect: signedIn("ok") },
  // The NATO deck comes from content/ and has no owner: only admins change its items.
  {
    route: "/decks/[deckId]/items/[itemId]/edit",
    url: (i) => `/decks/${i.deckId}/items/${i.itemId}/edit`,
    expect: { ...signedIn("404"), admin: "ok" },
  },
  {
    route: "/decks/[deckId]/flags",
    url: (i) => `/decks/${i.deckId}/flags`,
    expect: { ...signedIn("404"), admin: "ok" },
  },
  {
    // Only the owner re-uploads a deck (a content/ deck has none).
    route: "/decks/[deckId]/reupload",
    url: (i) => `/decks/${i.draftDeckId}/reupload`,
    expect: ownerOnly(),
  },
  { route: "/decks/[deckId]/quiz", url: (i) => `/decks/${i.deckId}/quiz`, expect: signedIn("ok") },
  { route: "/study", url: () => "/study", expect: signedIn("ok") },
  { route: "/progress", url: () => "/progress", expect: signedIn("ok") },
  { route: "/progress/workload", url: () => "/progress/workload", expect: signedIn("ok") },
  { route: "/progress/catch-up", url: () => "/progress/catch-up?kind=postpone&count=5", expect: signedIn("ok") },
  { route: "/settings", url: () => "/settings", expect: signedIn("ok") },
  { route: "/join/[code]", url: (i) => `/join/${i.code}`, expect: signedIn("ok") },
  {
    route: "/quiz/[attemptId]",
    url: (i) => `/quiz/${i.attemptId}`,
    expect: { ...signedIn("404"), learner: "ok" },
  },
  {
    route: "/assignments/[assignmentId]",
    url: (i) => `/assignments/${i.assignmentId}`,
    expect: { ...signedIn("404"), learner: "ok" },
  },
  { route: "/classes", url: () => "/classes", expect: teachers("ok") },
  {
    route: "/classes/[classId]",
    url: (i) => `/classes/${i.classId}`,
    expect: { ...teachers("ok"), otherInstructor: "404" },
  },
  {
    route: "/classes/[classId]/gradebook.csv",
    url: (i) => `/classes/${i.classId}/gradebook.csv`,
    expect: { ...teachers("ok"), otherInstructor: "404" },
  },
  {
    route: "/classes/[classId]/item-analysis.csv",
    url: (i) => `/classes/${i.classId}/item-analysis.csv`,
    expect: { ...teachers("ok"), otherInstructor: "404" },
  },
  { route: "/sets", url: () => "/sets", expect: teachers("ok") },
  { route: "/sets/new", url: () => "/sets/new", expect: teachers("ok") },
  { route: "/sets/[setId]", url: (i) => `/sets/${i.setId}`, expect: { ...teachers("ok"), otherInstructor: "404" } },
  { route: "/admin/users", url: () => "/admin/users", expect: { ...signedIn("404"), admin: "ok" } },
  { route: "/api/health", url: () => "/api/health", expect: all("ok") },
  { route: "/api/auth/[...nextauth]", url: () => "/api/auth/session", expect: all("ok") },
  { route: "/api/study/next", url: () => "/api/study/next", expect: signedIn("ok") },
  { route: "/api/documents/read", method: "POST", url: () => "/api/documents/read", expect: teachers("400") },
  { route: "/api/study/reviews", method: "POST", url: () => "/api/study/reviews", expect: signedIn("400") },
  {
    route: "/api/decks/[deckId]/export",
    url: (i) => `/api/decks/${i.deckId}/export?format=apkg`,
    expect: teachers("ok"),
  },
  {
    route: "/api/items/export",
    url: (i) => `/api/items/export?format=csv&deckId=${i.deckId}&q=iraq`,
    expect: teachers("ok"),
  },
  { route: "/api/reviews/export", url: () => "/api/reviews/export", expect: signedIn("ok") },
  { route: "/api/imports", method: "POST", url: () => "/api/imports", expect: teachers("400") },
];

/** More cases of routes already in MATRIX (the coverage test counts MATRIX only). */
export const CASES: typeof MATRIX = [
  // Issue 14: someone's draft is "not found" to everyone else, by page and by the JSON API.
  { route: "/decks/[deckId] (someone's draft)", url: (i) => `/decks/${i.draftDeckId}`, expect: ownerOnly() },
  {
    route: "/decks/[deckId]/items/[itemId] (someone's draft)",
    url: (i) => `/decks/${i.draftDeckId}/items/${i.draftItemId}`,
    expect: ownerOnly(),
  },
  {
    route: "/decks/[deckId]/study (someone's draft)",
    url: (i) => `/decks/${i.draftDeckId}/study`,
    expect: ownerOnly(),
  },
  { route: "/decks/[deckId]/quiz (someone's draft)", url: (i) => `/decks/${i.draftDeckId}/quiz`, expect: ownerOnly() },
  {
    route: "/api/items/export?deckId= (someone's draft)",
    url: (i) => `/api/items/export?format=csv&deckId=${i.draftDeckId}`,
    expect: ownerOnly(),
  },
  {
    route: "/api/study/next?deckId= (someone's draft)",
    url: (i) => `/api/study/next?deckId=${i.draftDeckId}`,
    expect: ownerOnly(),
  },
  {
    // Removed from the class: the attempt can be neither viewed nor answered, by them or anyone else.
    route: "/quiz/[attemptId] (attempt of a class the learner was removed from)",
    url: (i) => `/quiz/${i.removedAttemptId}`,
    expect: signedIn("404"),
  },
];

function all(outcome: Outcome): Record<Persona, Outcome> {
  return Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Record<Persona, Outcome>;
}
function signedIn(outcome: Outcome): Record<Persona, Outcome> {
  return { ...all(outcome), anonymous: "login" };
}
function teachers(outcome: Outcome): Record<Persona, Outcome> {
  return { ...signedIn("404"), instructor: outcome, otherInstructor: outcome, admin: outcome };
}
/** Issue 14: the demo instructor's own draft: theirs alone, "not found" even to admins. */
function ownerOnly(): Record<Persona, Outcome> {
  return { ...all("404"), anonymous: "login", instructor: "ok" };
}

/**
 * The rows the matrix needs beside the demo data, written into the SQLite file `file` (the e2e server's database, or
 * a demo database before it is copied to PostgreSQL): a quiz attempt of the demo learner, an attempt of a class they
 * were removed from, and a draft deck of the demo instructor. Timestamps as milliseconds, as a raw client may
 * write them.
 */
export function matrixIds(file: string): Ids {
  const db = new Database(file);
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const deck = one<{ id: string }>(`SELECT id FROM "Document" WHERE slug = 'nato-mission-iraq'`);
  const item = one<{ id: string }>(`SELECT id FROM "Item" WHERE documentId = ? AND retiredAt IS NULL LIMIT 1`, deck.id);
  const klass = one<{ id: string; joinCode: string }>(
    `SELECT c.id, c.joinCode FROM "Class" c JOIN "User" u ON u.id = c.ownerId WHERE u.email = 'instructor@example.com' LIMIT 1`,
  );
  const assignment = one<{ id: string; setId: string }>(
    `SELECT id, setId FROM "Assignment" WHERE classId = ?`,
    klass.id,
  );
  const learner = one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'learner@example.com'`);
  const attemptId = `matrix-${Date.now()}`;
  db.prepare(
    `INSERT INTO "QuizAttempt" (id, userId, documentId, itemIds, updatesSchedule, startedAt, total) VALUES (?, ?, ?, ?, 0, ?, 1)`,
  ).run(attemptId, learner.id, deck.id, JSON.stringify([item.id]), Date.now());
  // A class of the instructor with a quiz assignment that the learner started and was then removed from.
  const stamp = Date.now();
  const instructor = one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'instructor@example.com'`);
  db.prepare(
    `INSERT INTO "Class" (id, name, description, ownerId, joinCode, joinCodeExpiresAt, createdAt) VALUES (?, 'Left', '', ?, ?, ?, ?)`,
  ).run(`left-${stamp}`, instructor.id, `LEFT${stamp}`, stamp + 86_400_000, stamp);
  db.prepare(
    `INSERT INTO "Assignment" (id, classId, setId, mode, dueAt, maxAttempts, createdAt) VALUES (?, ?, ?, 'quiz', ?, 1, ?)`,
  ).run(`left-${stamp}`, `left-${stamp}`, assignment.setId, stamp + 86_400_000, stamp);
  const removedAttemptId = `removed-${stamp}`;
  db.prepare(
    `INSERT INTO "QuizAttempt" (id, userId, assignmentId, itemIds, updatesSchedule, startedAt, total) VALUES (?, ?, ?, ?, 0, ?, 1)`,
  ).run(removedAttemptId, learner.id, `left-${stamp}`, JSON.stringify([item.id]), stamp);
  const draftDeckId = `draft-${stamp}`;
  const draftItemId = `draft-item-${stamp}`;
  db.prepare(
    `INSERT INTO "Document" (id, slug, title, body, checksum, ownerId, status, visibility, createdAt, updatedAt)
     SELECT ?, ?, 'Matrix draft', body, 'x', ?, 'draft', 'library', ?, ? FROM "Document" WHERE id = ?`,
  ).run(draftDeckId, `upload-${draftDeckId}`, instructor.id, stamp, stamp, deck.id);
  db.prepare(
    `INSERT INTO "Item" (id, documentId, key, factKey, kind, topic, prompt, answer, difficulty, sourceText, sourceStart,
       sourceEnd, data, checksum, position, createdAt, updatedAt)
     SELECT ?, ?, key, factKey, kind, topic, prompt, answer, difficulty, sourceText, sourceStart, sourceEnd, data,
       checksum, position, createdAt, updatedAt FROM "Item" WHERE id = ?`,
  ).run(draftItemId, draftDeckId, item.id);
  db.close();
  return {
    deckId: deck.id,
    itemId: item.id,
    classId: klass.id,
    setId: assignment.setId,
    assignmentId: assignment.id,
    code: klass.joinCode,
    attemptId,
    removedAttemptId,
    draftDeckId,
    draftItemId,
  };
}

export async function signedInContext(browser: Browser, baseURL: string, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.close();
  return context;
}

/** What a visitor got: the matrix's outcome for a response (or the status and location when it is none of them). */
function outcomeOf(url: string, status: number, location: string): Outcome | string {
  const isApi = url.startsWith("/api/");
  return status === 200
    ? "ok"
    : status === 404
      ? "404"
      : status === 400
        ? "400"
        : (isApi && status === 401) || (status >= 300 && status < 400 && location.includes("/login"))
          ? "login"
          : status >= 300 && status < 400 && /^(https?:\/\/[^/]+)?\/(\?.*)?$/.test(location)
            ? "home"
            : `${status} ${location}`;
}

/**
 * Requests every row of the matrix (and CASES) as each persona in `contexts`, returning each difference from what
 * the matrix expects. With `bases` (several instances of the app), each request goes to the next one in turn, as a
 * round-robin proxy would send it (session cookies name the host, not the port, so every instance gets them).
 */
export async function matrixFailures(
  ids: Ids,
  contexts: Partial<Record<Persona, APIRequestContext>>,
  bases: string[] = [""],
) {
  const failures: string[] = [];
  let sent = 0;
  for (const row of [...MATRIX, ...CASES]) {
    for (const [persona, context] of Object.entries(contexts) as [Persona, APIRequestContext][]) {
      const url = `${bases[sent++ % bases.length]}${row.url(ids)}`;
      const response =
        row.method === "POST"
          ? await context.post(url, { data: {}, maxRedirects: 0 })
          : await context.get(url, { maxRedirects: 0 });
      const outcome = outcomeOf(row.url(ids), response.status(), response.headers()["location"] ?? "");
      if (outcome !== row.expect[persona])
        failures.push(`${row.route} as ${persona}: expected ${row.expect[persona]}, got ${outcome}`);
    }
  }
  return failures;
}
