/**
 * Issue 13, grading: in the study check a tolerated typo is accepted and the learner is told so ("accepted —
 * spelling: October"), a refused answer says why, and a numeric date is read by the browser's locale (en-GB here).
 * The deck is this test's own, inserted with its items at the very end of the study order, so other specs' learners
 * never meet it.
 */
import Database from "better-sqlite3";
import type { GeneratedItem } from "@/lib/content/types";
import { expect, signUp, test } from "./fixtures";

test.use({ locale: "en-GB" });

function typed(i: number, prompt: string, answer: string): GeneratedItem {
  return {
    key: `grading-${i}`,
    factKey: `grading-fact-${i}`,
    kind: "typed",
    prompt,
    answer,
    accepted: [],
    options: null,
    answerType: "date",
    topic: "dates",
    difficulty: 0.5,
    // Distinct sentences: items quizzing one sentence are siblings, introduced on different days.
    source: { text: `It happened on ${answer}.`, start: i * 40, end: i * 40 + 30 },
  };
}

/** Inserts a deck of three typed date items and returns its id. */
function insertDeck(): string {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const deckId = `grading-deck-${run}`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  const items = [
    typed(0, "In which month did the bridge open?", "October 2018"),
    typed(1, "On which day was the treaty signed?", "26 November 2019"),
    typed(2, "On which day did the canal open?", "5 April 1904"),
  ];
  const db = new Database("prisma/e2e.db");
  db.transaction(() => {
    db.prepare(
      `INSERT INTO "Document" (id, slug, title, body, checksum, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(deckId, deckId, `Grading ${run}`, "It happened.", run, now, now);
    const insert = db.prepare(
      `INSERT INTO "Item" (id, documentId, key, factKey, kind, topic, prompt, answer, difficulty, sourceText,
         sourceStart, sourceEnd, data, checksum, position, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'typed', 'dates', ?, ?, 0.5, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach((item, i) =>
      insert.run(
        `${deckId}-${i}`,
        deckId,
        item.key,
        item.factKey,
        item.prompt,
        item.answer,
        item.source.text,
        item.source.start,
        item.source.end,
        JSON.stringify(item),
        `${run}-${i}`,
        1_000_000_000 + i,
        now,
        now,
      ),
    );
  })();
  db.close();
  return deckId;
}

async function answer(page: import("@playwright/test").Page, prompt: string, response: string) {
  await expect(page.locator("#prompt")).toHaveText(prompt);
  await page.getByLabel("Your answer").fill(response);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("group", { name: "How well did you know it?" })).toBeVisible();
}

test("the study check says what it tolerated and why it refused", async ({ page }) => {
  const deckId = insertDeck();
  await signUp(page, "Grading Learner");
  await page.goto(`/decks/${deckId}/study`);

  await answer(page, "In which month did the bridge open?", "Ocotber 2018");
  await expect(page.getByTestId("verdict")).toHaveText("Correct");
  await expect(page.getByTestId("verdict-explanation")).toHaveText("accepted — spelling: October");
  // A forgiven typo is recorded as Hard, not Good.
  await expect(page.getByTestId("recorded-note")).toContainText("Recorded as Hard");
  // Easy puts the card days ahead, so the next card is the deck's next one (a learning card may come back early).
  await page.getByRole("button", { name: "Easy" }).click();

  await answer(page, "On which day was the treaty signed?", "November 2019");
  await expect(page.getByTestId("verdict")).toHaveText("Not quite");
  await expect(page.getByTestId("verdict-explanation")).toHaveText("the question asks for a day");
  await page.getByRole("button", { name: "Easy" }).click();

  // The browser says en-GB: 5/4/1904 is 5 April, and the learner is told how it was read.
  await answer(page, "On which day did the canal open?", "5/4/1904");
  await expect(page.getByTestId("verdict")).toHaveText("Correct");
  await expect(page.getByTestId("verdict-explanation")).toHaveText(
    "accepted — read as: 5 April 1904 (day first, as in en-GB)",
  );
});

test("the JSON API reads a numeric date by Accept-Language, and refuses an ambiguous one without it", async ({
  page,
}) => {
  const deckId = insertDeck();
  await signUp(page, "Grading Api Learner");
  const review = (version: number, acceptLanguage: string) =>
    page.request.post("/api/study/reviews", {
      headers: { "Content-Type": "application/json", "Accept-Language": acceptLanguage },
      data: {
        reviewId: crypto.randomUUID(),
        itemId: `${deckId}-2`,
        version,
        response: "5/4/1904",
        rating: "good",
        responseMs: 2000,
      },
    });
  expect((await review(0, "en-GB,en;q=0.8")).status()).toBe(200);
  expect((await review(1, "*")).status()).toBe(200);
  const db = new Database("prisma/e2e.db", { readonly: true });
  const rows = db
    .prepare(`SELECT correct FROM "ReviewLog" WHERE itemId = ? ORDER BY reviewedAt`)
    .all(`${deckId}-2`) as { correct: number }[];
  db.close();
  // 5 April 1904: right read day first (en-GB); refused, not guessed, with no language to read it by.
  expect(rows).toEqual([{ correct: 1 }, { correct: 0 }]);
});

test("a quiz's results say why a mistake failed and what a right answer needed forgiving", async ({ page }) => {
  const deckId = insertDeck();
  await signUp(page, "Grading Quiz Learner");
  await page.goto(`/decks/${deckId}/quiz`);
  await page.getByLabel("Number of questions").fill("3");
  await page.getByRole("button", { name: "Start quiz" }).click();
  const responses: Record<string, string> = {
    "In which month did the bridge open?": "Ocotber 2018",
    "On which day was the treaty signed?": "November 2019",
    "On which day did the canal open?": "5/4/1904",
  };
  for (let i = 0; i < 3; i += 1) {
    await expect(page.getByText(`Question ${i + 1} of 3`)).toBeVisible();
    const prompt = (await page.locator("#prompt").textContent())!;
    await page.getByLabel("Your answer").fill(responses[prompt]!);
    await page.getByRole("button", { name: i === 2 ? "Finish quiz" : "Next question" }).click();
  }
  await expect(page.getByTestId("quiz-score")).toHaveText("2 of 3 correct (67%)");
  await expect(page.getByRole("heading", { name: "Your mistakes (1)" })).toBeVisible();
  await expect(page.getByText("Why: the question asks for a day")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Accepted with a note (2)" })).toBeVisible();
  await expect(page.getByText("accepted — spelling: October")).toBeVisible();
  await expect(page.getByText("accepted — read as: 5 April 1904 (day first, as in en-GB)")).toBeVisible();
});
