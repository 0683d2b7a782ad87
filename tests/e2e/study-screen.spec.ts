/**
 * The study screen of issue 15: focus and announcements, rating names, the keyboard model of every kind, bury and
 * suspend keys with undo, unbury, touch dragging, the phone layout, the session's progress and due counts.
 * Each test studies a deck of its own (fixtures insertDeck) as a learner of its own.
 */
import { expect, insertDeck, signUp, test, type DeckItem } from "./fixtures";

// Prompts name their deck: other specs study every deck (/study) and expect each next prompt to differ.
const choice = (n: number, deck: string): DeckItem => ({
  kind: "multiple_choice",
  prompt: `Which river is number ${n} (${deck})?`,
  answer: `River ${n}`,
  options: [`River ${n}`, `Lake ${n}`, `Sea ${n}`, `Bay ${n}`],
});
const typed = (n: number, deck: string): DeckItem => ({
  kind: "typed",
  prompt: `Name city ${n} (${deck}).`,
  answer: `City ${n}`,
});
const SEQUENCE = ["First event", "Second event", "Third event", "Fourth event"];
const PAIRS = [
  { left: "France", right: "Paris" },
  { left: "Italy", right: "Rome" },
  { left: "Spain", right: "Madrid" },
];

async function study(page: import("@playwright/test").Page, deckId: string) {
  await page.goto(`/decks/${deckId}/study`);
  await expect(page.locator("section.study")).toHaveAttribute("aria-busy", "false");
}

test("after a submit the suggested rating has the focus, the verdict is announced and each name says what it shows", async ({
  page,
}) => {
  const deckId = insertDeck("Focus deck", [choice(1, "focus"), choice(2, "focus")]);
  await signUp(page, "Focus Learner");
  await study(page, deckId);
  // The live region is there, empty, before the verdict is written into it.
  const region = page.getByTestId("verdict-region");
  await expect(region).toHaveAttribute("aria-live", "polite");
  await expect(region).toBeEmpty();
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(region).toContainText(/Correct|Not quite/);
  await expect(region).toContainText("Answer:");
  // The verdict and enabled ratings arrive together (a rating key pressed on seeing the verdict is never lost), and
  // the suggested rating (Again for a wrong answer, Good for a right one) has the focus, not <body>.
  const suggested = page.locator(".rating--suggested");
  expect(await suggested.isEnabled()).toBe(true);
  await expect(suggested).toBeFocused();
  // Names hold what the buttons show, then the interval in words.
  const ratings = page.getByRole("group", { name: "How well did you know it?" });
  for (const name of ["Again 1m, 1 minute", "Hard 6m, 6 minutes", "Good 10m, 10 minutes", "Easy 8d, 8 days"]) {
    await expect(ratings.getByRole("button", { name, exact: true })).toBeVisible();
  }
  // Enter on the focused button rates with it, and the next card's region starts empty again.
  await page.keyboard.press("Enter");
  await expect(page.locator("#prompt")).toHaveText("Which river is number 2 (focus)?");
  await expect(region).toBeEmpty();
});

test("Z types in a text field, Esc leaves it; B and S set a card aside and Z takes that back; unbury", async ({
  page,
}) => {
  const deckId = insertDeck("Keys deck", [typed(1, "keys"), typed(2, "keys"), typed(3, "keys")]);
  await signUp(page, "Keys Learner");
  await study(page, deckId);
  await expect(page.getByTestId("shortcut-help")).toContainText("Z undo · B bury · S suspend");
  const field = page.getByLabel("Your answer");
  // Esc once the new card's field has the focus (it takes it when the card is ready).
  const leave = async () => {
    await expect(page.locator("section.study")).toHaveAttribute("aria-busy", "false");
    await expect(field).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(field).not.toBeFocused();
  };
  await expect(field).toBeFocused();
  await page.keyboard.type("wrong");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict")).toHaveText("Not quite");
  await page.keyboard.press("3");
  await expect(page.locator("#prompt")).toHaveText("Name city 2 (keys).");

  // In the field, z b s are letters of the answer: nothing is undone, buried or suspended.
  await expect(field).toBeFocused();
  await page.keyboard.type("zbs");
  await expect(field).toHaveValue("zbs");
  await expect(page.locator("#prompt")).toHaveText("Name city 2 (keys).");
  // Esc leaves the field; then Z undoes the last answer.
  await leave();
  await page.keyboard.press("z");
  await expect(page.getByTestId("study-message")).toHaveText("Undid the last answer.");
  await expect(page.locator("#prompt")).toHaveText("Name city 1 (keys).");

  // B buries (the next card comes), Z brings it back.
  await leave();
  await page.keyboard.press("b");
  await expect(page.getByTestId("study-message")).toHaveText("Buried until tomorrow.");
  await expect(page.locator("#prompt")).toHaveText("Name city 2 (keys).");
  await leave();
  await page.keyboard.press("z");
  await expect(page.getByTestId("study-message")).toHaveText("Unburied: here it is again.");
  await expect(page.locator("#prompt")).toHaveText("Name city 1 (keys).");
  // S suspends, Z unsuspends.
  await leave();
  await page.keyboard.press("s");
  await expect(page.getByTestId("study-message")).toHaveText("Suspended: it won't be shown until you unsuspend it.");
  await leave();
  await page.keyboard.press("z");
  await expect(page.getByTestId("study-message")).toHaveText("Unsuspended: here it is again.");
  await expect(page.locator("#prompt")).toHaveText("Name city 1 (keys).");

  // Bury all three: nothing left, and the study screen offers to unbury them.
  for (let i = 1; i <= 3; i += 1) {
    await expect(page.locator("#prompt")).toHaveText(`Name city ${i} (keys).`);
    await leave();
    await page.keyboard.press("b");
    if (i < 3) await expect(page.locator("#prompt")).not.toHaveText(`Name city ${i} (keys).`);
  }
  await expect(page.getByRole("heading", { name: "Nothing to study right now" })).toBeVisible();
  await page.getByRole("button", { name: "Unbury 3 cards of this deck" }).click();
  await expect(page.getByTestId("study-message")).toHaveText("Unburied 3 cards.");
  await expect(page.locator("#prompt")).toHaveText("Name city 1 (keys).");
});

test("matching and ordering answer with a few keys; the quiz takes digits too", async ({ page }) => {
  const deckId = insertDeck("Keyboard kinds deck", [
    { kind: "matching", prompt: "Match each country to its capital.", answer: "…", pairs: PAIRS },
    { kind: "ordering", prompt: "Put the events in order.", answer: SEQUENCE.join(" → "), sequence: SEQUENCE },
  ]);
  await signUp(page, "Kinds Learner");
  await study(page, deckId);

  // Matching: the right-hand entries are numbered; one digit per row (the next row is highlighted), then Enter.
  const right = await page.locator(".matching__choices li").allTextContents();
  const keys = PAIRS.map((pair) => String(right.findIndex((text) => text.includes(pair.right)) + 1));
  for (const key of keys) await page.keyboard.press(key);
  for (const [index, pair] of PAIRS.entries()) await expect(page.locator(`#match-${index}`)).toHaveValue(pair.right);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict")).toHaveText("Correct");
  await page.keyboard.press("3");

  // Ordering: a digit selects an entry, the arrows move it; Enter submits.
  await expect(page.locator("#prompt")).toHaveText("Put the events in order.");
  const entries = page.locator(".ordering__entry");
  for (let target = 0; target < SEQUENCE.length; target += 1) {
    const now = await entries.allTextContents();
    const at = now.indexOf(SEQUENCE[target]!);
    await page.keyboard.press(String(at + 1));
    for (let k = at; k > target; k -= 1) await page.keyboard.press("ArrowUp");
  }
  await expect(entries).toHaveText(SEQUENCE);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict")).toHaveText("Correct");

  // The quiz: digit shortcuts choose, Enter sends.
  const quizDeck = insertDeck("Quiz keys deck", [choice(1, "quiz"), choice(2, "quiz")]);
  await page.goto(`/decks/${quizDeck}/quiz`);
  await page.getByLabel("Number of questions").fill("2");
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Question 1 of 2")).toBeVisible();
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("2");
  await expect(page.getByRole("radio").nth(1)).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Question 2 of 2")).toBeVisible();
});

test("an ordering entry is dragged into place by touch", async ({ page }) => {
  const deckId = insertDeck("Drag deck", [
    { kind: "ordering", prompt: "Order these by touch.", answer: SEQUENCE.join(" → "), sequence: SEQUENCE },
  ]);
  await signUp(page, "Drag Learner");
  await study(page, deckId);
  const entries = page.locator(".ordering__entry");
  const items = page.locator(".ordering li");
  for (let target = 0; target < SEQUENCE.length; target += 1) {
    const at = (await entries.allTextContents()).indexOf(SEQUENCE[target]!);
    if (at === target) continue;
    const handle = items.nth(at).getByTestId("drag-handle");
    const from = (await items.nth(at).boundingBox())!;
    const to = (await items.nth(target).boundingBox())!;
    const touch = { pointerId: 7, pointerType: "touch", isPrimary: true, clientX: from.x + 10 };
    await handle.dispatchEvent("pointerdown", { ...touch, clientY: from.y + from.height / 2 });
    // Above the middle of the target entry: the dragged one takes its place.
    await handle.dispatchEvent("pointermove", { ...touch, clientY: to.y + to.height / 4 });
    await handle.dispatchEvent("pointerup", { ...touch, clientY: to.y + to.height / 4 });
    await expect(entries.nth(target)).toHaveText(SEQUENCE[target]!);
  }
  await expect(entries).toHaveText(SEQUENCE);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByTestId("verdict")).toHaveText("Correct");
});

test("the session shows today's progress, and Home and /decks show what is due", async ({ page }) => {
  const deckId = insertDeck("Due deck", [typed(1, "due"), typed(2, "due"), typed(3, "due")]);
  await signUp(page, "Due Learner");
  await page.goto("/");
  await expect(page.getByTestId("due-total")).toHaveText("No reviews due today");
  await study(page, deckId);
  await expect(page.getByTestId("done-today")).toHaveText("0 done today");
  await expect(page.getByTestId("session-progress")).toHaveAttribute("max", "3");
  await page.getByLabel("Your answer").fill("no idea");
  await page.keyboard.press("Enter");
  await expect(page.locator(".rating--suggested")).toBeFocused();
  await page.keyboard.press("1");
  await expect(page.getByTestId("done-today")).toHaveText("1 done today");
  await expect(page.getByTestId("session-progress")).toHaveAttribute("value", "1");

  // The failed card is due again in a minute: due today on Home and on its deck in /decks.
  await page.goto("/");
  await expect(page.getByTestId("due-total")).toHaveText("1 due today");
  await page.goto("/decks");
  const card = page.locator("li.card", { has: page.getByRole("link", { name: "Due deck", exact: true }) });
  await expect(card.getByTestId("deck-due")).toHaveText("1 due today");
  const other = page.locator("li.card", { has: page.getByRole("link", { name: "NATO Mission Iraq", exact: true }) });
  await expect(other.getByTestId("deck-due")).toHaveText("Nothing due today");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

  test("the ratings stay on screen after a long prompt and the key hints are hidden", async ({ page }) => {
    const deckId = insertDeck("Phone deck", [choice(1, "phone"), choice(2, "phone")]);
    await signUp(page, "Phone Learner");
    await study(page, deckId);
    await expect(page.getByTestId("shortcut-help")).toBeHidden();
    await expect(page.locator(".choice kbd").first()).toBeHidden();
    // A prompt taller than the screen.
    await page.locator("#prompt").evaluate((el) => {
      (el as HTMLElement).style.minHeight = "1500px";
    });
    await page.getByRole("button", { name: "I don't know" }).tap();
    await expect(page.getByTestId("verdict")).toHaveText("Not quite");
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const name of ["Again", "Hard", "Good", "Easy"]) {
      await expect(page.getByRole("button", { name: new RegExp(`^${name} `) })).toBeInViewport();
    }
  });
});
