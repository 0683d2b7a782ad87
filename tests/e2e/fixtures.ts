import { readdirSync, statSync } from "node:fs";
import path from "node:path";
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
    const selects = page.locator(".study-card select");
    for (let i = 0; i < (await selects.count()); i += 1) {
      while (!(await selects.nth(i).evaluate((el) => el === document.activeElement))) await page.keyboard.press("Tab");
      await page.keyboard.press("ArrowDown");
    }
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
