import Database from "better-sqlite3";
import { addToStudies, answerWithKeyboard, expect, signUp, submitWithKeyboard, test } from "./fixtures";

test("a learner sets 10 new items a day, studies them with the keyboard only and sees the summary", async ({
  page,
}) => {
  await signUp(page, "Keyboard Learner");
  await page.goto("/settings");
  await page.getByLabel("Desired retention").fill("2");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Desired retention must be between 0.70 and 0.99.")).toBeVisible();
  await page.getByLabel("Desired retention").fill("0.9");
  await page.getByLabel("New items per day").fill("10");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-message")).toHaveText("Settings saved.");
  await expect(page.getByTestId("parameters-in-use")).toHaveText("The default FSRS-6 parameters.");

  // A new learner studies nothing until they add a deck (issue 14): Home says how.
  await page.goto("/");
  await expect(page.getByTestId("no-study-decks")).toContainText("Add to my studies");
  await addToStudies(page, "NATO Mission Iraq");
  await page.goto("/");
  await expect(page.getByTestId("no-study-decks")).toHaveCount(0);
  await page.goto("/study");
  await expect(page.getByText("New 10")).toBeVisible();
  for (let i = 0; i < 10; i += 1) {
    await expect(page.locator("#prompt")).toBeVisible();
    const prompt = await page.locator("#prompt").textContent();
    // Easy (4) graduates a new card for days, so the session ends after the tenth.
    await answerWithKeyboard(page, "4");
    if (i < 9) await expect(page.locator("#prompt")).not.toHaveText(prompt!);
  }
  await expect(page.getByRole("heading", { name: "Session complete" })).toBeVisible();
  await expect(page.getByTestId("summary-answered")).toHaveText("10");
  await expect(page.getByText(/Next review due/)).toBeVisible();

  // Z undoes the last answer and brings its card back.
  await page.keyboard.press("z");
  await expect(page.locator("#prompt")).toBeVisible();
});

test("a second tab with a stale card gets a clear message, not a double review", async ({ page, context }) => {
  const email = await signUp(page, "Two Tabs");
  await addToStudies(page, "NATO Mission Iraq");
  const other = await context.newPage();
  await page.goto("/study");
  await other.goto("/study");
  const prompt = await page.locator("#prompt").textContent();
  await expect(other.locator("#prompt")).toHaveText(prompt!);

  await answerWithKeyboard(page, "3");
  await expect(page.locator("#prompt")).not.toHaveText(prompt!);

  // The answer is refused when it is submitted (it would be recorded then), before any answer is shown.
  await submitWithKeyboard(other);
  await expect(other.getByTestId("study-message")).toHaveText(
    "This card was already answered in another tab or window. Here is the current card.",
  );
  await expect(other.locator("#prompt")).not.toHaveText(prompt!);

  const db = new Database("prisma/e2e.db", { readonly: true });
  const row = db
    .prepare('SELECT COUNT(*) AS n FROM "ReviewLog" r JOIN "User" u ON u.id = r.userId WHERE u.email = ?')
    .get(email) as { n: number };
  db.close();
  expect(row.n).toBe(1);
});

test("the rating buttons show the next interval each would give", async ({ page }) => {
  await signUp(page, "Interval Viewer");
  await addToStudies(page, "NATO Mission Iraq");
  await page.goto("/study");
  await answerWithKeyboard(page);
  const ratings = page.getByRole("group", { name: "How well did you know it?" });
  for (const [name, interval] of [
    ["Again", "1m"],
    ["Hard", "6m"],
    ["Good", "10m"],
    ["Easy", "8d"],
  ]) {
    await expect(ratings.getByRole("button", { name })).toContainText(interval!);
  }
});

function reviews(email: string) {
  const db = new Database("prisma/e2e.db", { readonly: true });
  const rows = db
    .prepare('SELECT r.rating, r.correct FROM "ReviewLog" r JOIN "User" u ON u.id = r.userId WHERE u.email = ?')
    .all(email) as { rating: string; correct: number | null }[];
  db.close();
  return rows;
}

test("an answer is recorded when it is shown; a rating key only changes its rating; Z takes it back", async ({
  page,
}) => {
  const email = await signUp(page, "Committed Learner");
  // The NATO deck alone: other specs publish decks whose first items could come first in "Study now".
  const nato = new Database("prisma/e2e.db", { readonly: true });
  const deck = nato.prepare(`SELECT id FROM "Document" WHERE slug = 'nato-mission-iraq'`).get() as { id: string };
  nato.close();
  await page.goto(`/decks/${deck.id}/study`);
  // The NATO deck's first card is graded (not a flashcard): "I don't know" shows the answer and records it as Again.
  await expect(page.locator(".study-card .badge")).toContainText(
    /^(?:Multiple choice|Fill in the blank|Short answer) /,
  );
  const prompt = await page.locator("#prompt").textContent();
  await page.getByRole("button", { name: "I don't know" }).click();
  await expect(page.getByTestId("expected")).not.toBeEmpty();
  await expect(page.getByTestId("verdict")).toHaveText("Not quite");
  await expect(page.getByTestId("recorded-note")).toHaveText("Recorded as Again. Pick another rating to change it.");
  expect(reviews(email)).toEqual([{ rating: "again", correct: 0 }]);
  // The intervals on the buttons are those of the card before the answer.
  await expect(page.getByRole("button", { name: "Easy" })).toContainText("8d");

  // Hard (2) amends that review instead of recording a second one; `correct` stays as graded.
  await page.keyboard.press("2");
  await expect(page.locator("#prompt")).not.toHaveText(prompt!);
  expect(reviews(email)).toEqual([{ rating: "hard", correct: 0 }]);

  // Answer → Enter records with the suggested rating (a flashcard only once rated); Enter accepts it; Z undoes it.
  const flashcard = ((await page.locator(".study-card .badge").textContent()) ?? "").startsWith("Flashcard");
  await answerWithKeyboard(page);
  expect(reviews(email)).toHaveLength(flashcard ? 1 : 2);
  const second = await page.locator("#prompt").textContent();
  await page.keyboard.press("Enter");
  await expect(page.locator("#prompt")).not.toHaveText(second!);
  expect(reviews(email)).toHaveLength(2);
  await page.keyboard.press("z");
  await expect(page.locator("#prompt")).toHaveText(second!);
  expect(reviews(email)).toHaveLength(1);
  // Said as information, not as an error.
  await expect(page.getByTestId("study-message")).toHaveText("Undid the last answer.");
  await expect(page.getByTestId("study-message")).not.toHaveClass(/form-error/);
});
