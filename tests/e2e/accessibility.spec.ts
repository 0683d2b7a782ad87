/**
 * axe-core on every page and state, in light and dark mode, as each role that can open it (issue 15): 0 serious or
 * critical violations, enforced. A page added under app/ without a visit here fails "covers every page".
 */
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import {
  addToStudies,
  appRoutes,
  answerWithKeyboard,
  expect,
  expectNoA11yViolations,
  insertDeck,
  signIn,
  signUp,
  submitWithKeyboard,
  test,
} from "./fixtures";

/** Route patterns visited by the tests below (as appRoutes names them). */
const visited = new Set<string>();

/**
 * Checks the page as it is now: every rule in light mode, then colour contrast in dark mode (the only thing the
 * colour scheme changes; running every rule twice doubled the spec's time on a loaded machine).
 */
async function check(page: Page, route: string, state = route) {
  visited.add(route);
  await page.emulateMedia({ colorScheme: "light" });
  await expectNoA11yViolations(page, `${state} (light)`);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoA11yViolations(page, `${state} (dark)`, ["color-contrast"]);
  await page.emulateMedia({ colorScheme: "light" });
}

// axe takes seconds per page on a loaded machine, and each test checks many pages.
test.describe.configure({ timeout: 600_000 });

async function visit(page: Page, url: string, route = url) {
  await page.goto(url);
  await check(page, route);
}

async function hrefOf(page: Page, selector: string) {
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, selector).toBeTruthy();
  return href!.split("#")[0]!;
}

test("signed out: home, sign-in (with its error) and sign-up", async ({ page }) => {
  await visit(page, "/");
  await visit(page, "/login");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).not.toBeEmpty();
  await check(page, "/login", "/login with an error");
  await visit(page, "/signup");
  await visit(page, "/forgot-password");
  // A link that names no reset: the page says so, with a way to ask again.
  await visit(page, "/reset-password?token=not-a-real-token", "/reset-password");
});

test("a learner: decks, the item source, study (question, feedback, summary), quiz, progress tools, settings", async ({
  page,
}) => {
  const deckId = insertDeck("Accessibility deck", [
    { kind: "multiple_choice", prompt: "Which is blue?", answer: "Sky", options: ["Sky", "Grass", "Sun", "Soil"] },
    { kind: "typed", prompt: "Name the red planet.", answer: "Mars" },
    {
      kind: "matching",
      prompt: "Match each country to its capital.",
      answer: "…",
      pairs: [
        { left: "France", right: "Paris" },
        { left: "Italy", right: "Rome" },
      ],
    },
    { kind: "ordering", prompt: "Order them.", answer: "One → Two → Three", sequence: ["One", "Two", "Three"] },
    { kind: "flashcard", prompt: "What is a comet?", answer: "An icy body" },
  ]);
  await signUp(page, "Axe Learner");
  await visit(page, "/");
  await visit(page, "/decks");
  await visit(page, `/decks/${deckId}`, "/decks/[deckId]");
  const itemHref = await hrefOf(page, `a[href^="/decks/${deckId}/items/"]`);
  await visit(page, itemHref, "/decks/[deckId]/items/[itemId]");
  await visit(page, `${itemHref}/info`, "/decks/[deckId]/items/[itemId]/info");
  await visit(page, "/browse?q=blue", "/browse");
  await visit(page, `/decks/${deckId}/browse`, "/decks/[deckId]/browse");

  // Every kind as a question and with its feedback (the flashcard last: it is rated, then recorded).
  await visit(page, `/decks/${deckId}/study`, "/decks/[deckId]/study");
  for (let i = 0; i < 5; i += 1) {
    const kind = (await page.locator(".study-card .badge").textContent()) ?? "";
    await check(page, "/decks/[deckId]/study", `study question: ${kind}`);
    await submitWithKeyboard(page);
    await expect(page.getByRole("group", { name: "How well did you know it?" })).toBeVisible();
    await expect(page.locator("section.study")).toHaveAttribute("aria-busy", "false");
    await check(page, "/decks/[deckId]/study", `study feedback: ${kind}`);
    await page.keyboard.press("4");
    await expect(page.getByRole("group", { name: "How well did you know it?" })).toBeHidden();
  }
  await expect(page.getByRole("heading", { name: "Session complete" })).toBeVisible();
  await check(page, "/decks/[deckId]/study", "study summary");
  // Study now takes the decks a learner added (the deck above is all answered for today).
  await addToStudies(page, "NATO Mission Iraq");
  await visit(page, "/study");
  await answerWithKeyboard(page);
  await check(page, "/study", "/study feedback");

  // A practice quiz: the start form (with its error), a question, the result.
  await page.goto(`/decks/${deckId}/quiz`);
  await page.getByLabel("Number of questions").fill("0");
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Choose at least 1 question.")).toBeVisible();
  await check(page, "/decks/[deckId]/quiz", "quiz start with an error");
  await page.getByLabel("Number of questions").fill("2");
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Question 1 of 2")).toBeVisible();
  await check(page, "/quiz/[attemptId]", "quiz question");
  for (let i = 0; i < 2; i += 1) {
    await expect(page.getByText(`Question ${i + 1} of 2`)).toBeVisible();
    if (await page.getByRole("radio").count()) await page.getByRole("radio").first().check();
    else if (await page.getByLabel("Your answer").count()) await page.getByLabel("Your answer").fill("Mars");
    else if (await page.locator(".study-card select").count()) {
      const selects = page.locator(".study-card select");
      for (let k = 0; k < (await selects.count()); k += 1) await selects.nth(k).selectOption({ index: 1 });
    }
    await page.getByRole("button", { name: i === 1 ? "Finish quiz" : "Next question" }).click();
  }
  await expect(page.getByRole("heading", { name: "Quiz result" })).toBeVisible();
  await check(page, "/quiz/[attemptId]", "quiz result");

  await visit(page, "/progress");
  await visit(page, "/progress/workload");
  await visit(page, "/progress/catch-up");
  await visit(page, "/progress/catch-up?kind=postpone&count=5", "/progress/catch-up");
  await visit(page, "/settings");
});

test("the demo learner: assignments on Home, an assignment, the join page", async ({ page, browser }) => {
  // The join code comes from the instructor's class page.
  const teacher = await browser.newPage();
  await signIn(teacher, "instructor@example.com");
  await teacher.goto("/classes");
  await teacher.goto(await hrefOf(teacher, 'a[href^="/classes/"]'));
  const code = (await teacher.getByTestId("join-code").textContent())!.trim();
  await teacher.close();

  await signIn(page, "learner@example.com");
  await visit(page, "/");
  await page.goto(await hrefOf(page, 'a[href^="/assignments/"]'));
  await check(page, "/assignments/[assignmentId]");
  await visit(page, `/join/${code}`, "/join/[code]");
});

test("an instructor: decks, upload form, classes, a class, sets, a set, the new-set form, progress", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com");
  await visit(page, "/");
  await visit(page, "/decks");
  await visit(page, "/decks/new");
  await visit(page, "/classes");
  await page.goto(await hrefOf(page, 'a[href^="/classes/"]'));
  await check(page, "/classes/[classId]");
  await visit(page, "/sets");
  await page.goto(await hrefOf(page, 'a[href^="/sets/"]:not([href="/sets/new"])'));
  await check(page, "/sets/[setId]");
  await visit(page, "/sets/new");
  await visit(page, "/progress");
  await visit(page, "/settings");

  // A deck of the instructor's own: re-upload, the item editor, the flag queue; and the import page.
  const deckId = insertDeck("Accessibility owned deck", [
    { kind: "typed", prompt: "Name the red planet.", answer: "Mars" },
  ]);
  const db = new Database("prisma/e2e.db");
  db.prepare(`UPDATE "Document" SET "ownerId" = (SELECT id FROM "User" WHERE email = ?) WHERE id = ?`).run(
    "instructor@example.com",
    deckId,
  );
  const itemId = (db.prepare(`SELECT id FROM "Item" WHERE "documentId" = ?`).get(deckId) as { id: string }).id;
  db.close();
  await visit(page, `/decks/${deckId}`, "/decks/[deckId]");
  // The confirm-and-delete form (components/confirm-delete.tsx, shared by decks, classes, assignments and sets).
  await page.getByText("Delete this deck", { exact: true }).click();
  await check(page, "/decks/[deckId]", "/decks/[deckId] (delete form open)");
  // The owner's browser offers "Export these" (learners' does not).
  await visit(page, `/decks/${deckId}/browse`, "/decks/[deckId]/browse");
  await expect(page.getByTestId("browse-export")).toBeVisible();
  await visit(page, `/decks/${deckId}/reupload`, "/decks/[deckId]/reupload");
  await visit(page, `/decks/${deckId}/items/${itemId}/edit`, "/decks/[deckId]/items/[itemId]/edit");
  await visit(page, `/decks/${deckId}/flags`, "/decks/[deckId]/flags");
  await visit(page, "/decks/import");
});

test("an admin: users and roles", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await visit(page, "/admin/users");
  await visit(page, "/");
});

test("covers every page", () => {
  const pages = appRoutes().filter((route) => !route.startsWith("/api") && !route.endsWith(".csv"));
  const missing = pages.filter((route) => !visited.has(route));
  expect(missing).toEqual([]);
});
