import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "factdeck-demo";

/**
 * Every page fails its test on a console error, an uncaught exception or a 5xx response. A 4xx logged by the
 * browser ("Failed to load resource") is the app answering bad input as designed; tests assert those themselves.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, run) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
      problems.push(`console.error: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await run(page);
    expect(problems, "the browser reported errors").toEqual([]);
  },
});

export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Signs up a new learner through the form and returns their email. */
export async function signUp(page: Page, name: string, password = "study-password") {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  return email;
}

/**
 * Adds a deck the signed-in user may see to their studies from its page, so "Study now" takes its items (issue 14:
 * new learners start with none). Does nothing when it is already one of their studied decks.
 */
export async function addToStudies(page: Page, deckTitle: string) {
  await page.goto("/decks");
  await page.getByRole("link", { name: deckTitle, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: deckTitle })).toBeVisible();
  const add = page.getByRole("button", { name: "Add to my studies" });
  if ((await add.count()) === 0) return;
  await add.click();
  await expect(page.getByRole("button", { name: "Remove from my studies" })).toBeVisible();
}

/**
 * Answers the card on screen with the keyboard only (any answer will do) and presses Enter (Space for a flashcard):
 * an auto-graded answer is recorded then, with the suggested rating (docs/decisions/011-answers-are-committed.md).
 */
export async function submitWithKeyboard(page: Page) {
  await expect(page.locator("section.study")).toHaveAttribute("aria-busy", "false");
  const badge = (await page.locator(".study-card .badge").textContent()) ?? "";
  if (badge.startsWith("Multiple choice") || badge.startsWith("True or false")) {
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
  } else if (badge.startsWith("Flashcard")) {
    await page.keyboard.press("Space");
  } else if (badge.startsWith("Matching")) {
    // One digit per row matches the highlighted row and moves on (lib/study/answer-keys.ts).
    const rows = await page.locator(".study-card select").count();
    for (let i = 0; i < rows; i += 1) await page.keyboard.press("1");
    await page.keyboard.press("Enter");
  } else if (badge.startsWith("Ordering")) {
    await page.keyboard.press("Enter");
  } else {
    await expect(page.getByLabel("Your answer")).toBeFocused();
    await page.keyboard.type("I am not sure");
    await page.keyboard.press("Enter");
  }
}

/**
 * Answers the card on screen with the keyboard only (submitWithKeyboard) and rates it with `ratingKey` (for an
 * auto-graded item that changes the rating the answer was recorded with); without one it leaves the answer and the
 * rating buttons on screen.
 */
export async function answerWithKeyboard(page: Page, ratingKey?: string) {
  await submitWithKeyboard(page);
  await expect(page.getByRole("group", { name: "How well did you know it?" })).toBeVisible();
  await expect(page.getByTestId("expected")).not.toBeEmpty();
  // Keys are ignored while the answer is still being checked.
  await expect(page.locator("section.study")).toHaveAttribute("aria-busy", "false");
  if (ratingKey) {
    await page.keyboard.press(ratingKey);
    await expect(page.getByRole("group", { name: "How well did you know it?" })).toBeHidden();
  }
}

/** The app's routes, from the files under app/ (route groups like "(app)" are not part of the URL). */
export function appRoutes(dir = "app", prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      routes.push(...appRoutes(full, /^\(.*\)$/.test(entry) ? prefix : `${prefix}/${entry}`));
    } else if (entry === "page.tsx" || entry === "route.ts") {
      routes.push(prefix || "/");
    }
  }
  return routes;
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation (issue 15: 0 enforced),
 * naming each rule, its help and the first elements it hit. Minor and moderate findings are not enforced. `rules`
 * limits the run to those rules (a second colour scheme changes only what color-contrast checks).
 * @example await expectNoA11yViolations(page, "study feedback (dark)", ["color-contrast"])
 */
export async function expectNoA11yViolations(page: Page, state = page.url(), rules?: string[]) {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules(rules) : builder).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, " ")}]` : ""}`)
          .join("; ")}`,
    );
  expect(serious, `axe: serious or critical violations on ${state}`).toEqual([]);
}

/** An item for insertDeck: kind, prompt and answer, plus what its kind needs (options, pairs, sequence). */
export type DeckItem = {
  kind: "typed" | "multiple_choice" | "matching" | "ordering" | "flashcard";
  prompt: string;
  answer: string;
  options?: string[];
  pairs?: { left: string; right: string }[];
  sequence?: string[];
};

/**
 * Writes a deck of exactly these items into the e2e database (a document of no owner, like content/), so a spec
 * can study known kinds in a known order through /decks/<id>/study. Returns the deck id.
 * @example const deckId = insertDeck("Matching deck", [{ kind: "matching", prompt: "Match", answer: "…", pairs }])
 */
export function insertDeck(title: string, items: DeckItem[]): string {
  const db = new Database("prisma/e2e.db");
  const deckId = `e2e-${randomUUID()}`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  const body = items.map((item) => `${item.prompt} ${item.answer}.`).join("\n\n");
  db.prepare(
    `INSERT INTO "Document" (id, slug, title, body, checksum, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'e2e', ?, ?)`,
  ).run(deckId, deckId, title, body, now, now);
  let offset = 0;
  const insert = db.prepare(`INSERT INTO "Item" (id, documentId, key, factKey, kind, topic, prompt, answer, difficulty,
      sourceText, sourceStart, sourceEnd, data, checksum, position, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, 'history', ?, ?, 0.5, ?, ?, ?, ?, 'e2e', ?, ?, ?)`);
  for (const [position, item] of items.entries()) {
    const sourceText = `${item.prompt} ${item.answer}.`;
    const source = { text: sourceText, start: offset, end: offset + sourceText.length };
    const data = {
      key: `k${position}`,
      factKey: `f${position}`,
      kind: item.kind,
      prompt: item.prompt,
      answer: item.answer,
      accepted: [],
      options: item.options ?? null,
      pairs: item.pairs,
      sequence: item.sequence,
      answerType: "text",
      topic: "history",
      difficulty: 0.5,
      source,
    };
    insert.run(
      `${deckId}-${position}`,
      deckId,
      data.key,
      data.factKey,
      item.kind,
      item.prompt,
      item.answer,
      sourceText,
      source.start,
      source.end,
      JSON.stringify(data),
      position,
      now,
      now,
    );
    offset += sourceText.length + 2;
  }
  db.close();
  return deckId;
}
