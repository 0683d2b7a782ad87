import Database from "better-sqlite3";
import { writeLearnerHistory } from "../learner-history";
import { answerWithKeyboard, expect, signUp, test } from "./fixtures";

const E2E_DB = "prisma/e2e.db";

/** Signs up a learner and gives them `days` days of study (8 new items a day) followed by 14 days away. */
async function learnerBackFromABreak(page: Parameters<typeof signUp>[0], name: string, days = 40) {
  const email = await signUp(page, name);
  const db = new Database(E2E_DB, { readonly: true });
  const { id } = db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(email) as { id: string };
  db.close();
  const written = writeLearnerHistory(E2E_DB, {
    userId: id,
    days,
    breakDays: 14,
    newPerDay: 8,
    seed: 16,
    now: new Date(),
  });
  expect(written.logs).toBeGreaterThan(500);
  return id;
}

test("Help me decide: workload by desired retention as a chart, a table and a recommendation", async ({ page }) => {
  await learnerBackFromABreak(page, "Workload Learner");
  await page.goto("/progress");
  await page.getByRole("link", { name: "Help me decide" }).click();
  await expect(page.getByRole("heading", { name: "Help me decide" })).toBeVisible();
  const section = page.getByRole("region", { name: "Workload and knowledge by desired retention" });
  await expect(section.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(section.locator(".recharts-line-curve")).toHaveCount(2);
  await expect(page.getByTestId("workload-current")).toContainText("At your desired retention of 90%");
  await expect(page.getByTestId("workload-recommendation")).toContainText(
    /least study time per item remembered is at \d\d%/,
  );
  await section.getByText("Show as table").click();
  const table = section.getByRole("table", { name: "Simulated workload by desired retention" });
  await expect(table.locator("tbody tr")).toHaveCount(28);
  await expect(table.getByRole("row", { name: /^70%/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /^97%/ })).toBeVisible();
  // More reviews a day at 97 % than at 70 %.
  const reviews = async (label: string) =>
    Number(
      await table
        .getByRole("row", { name: new RegExp(`^${label}`) })
        .getByRole("cell")
        .first()
        .textContent(),
    );
  expect(await reviews("97%")).toBeGreaterThan(await reviews("70%"));
  await page.screenshot({ path: "test-results/workload.png", fullPage: true });
});

test("Catch up: a learner back from a break previews, then postpones and advances reviews", async ({ page }) => {
  const userId = await learnerBackFromABreak(page, "Catch-up Learner");
  await page.goto("/progress/catch-up");
  const overdue = Number(await page.getByTestId("overdue-count").textContent());
  const dueToday = Number(await page.getByTestId("due-today-count").textContent());
  expect(overdue).toBeGreaterThan(20);

  await page.getByLabel("Postpone").check();
  await page.getByLabel("How many reviews").fill("20");
  await page.getByRole("button", { name: "Show the effect" }).click();
  await expect(page.getByTestId("catch-up-effect")).toContainText(`Postpone 20 reviews of the ${dueToday} due today`);
  await expect(page.getByTestId("catch-up-effect")).toContainText(/goes from \d+% to \d+%/);
  // Previewing changed nothing.
  await expect(page.getByTestId("due-today-count")).toHaveText(String(dueToday));

  await page.getByRole("button", { name: "Postpone 20 reviews" }).click();
  await expect(page.getByTestId("catch-up-message")).toHaveText("Postponed 20 reviews.");
  await expect(page.getByTestId("due-today-count")).toHaveText(String(dueToday - 20));
  const db = new Database(E2E_DB, { readonly: true });
  const moved = db
    .prepare(`SELECT COUNT(*) AS n FROM "Card" WHERE userId = ? AND state = 'review' AND due > ?`)
    .get(userId, new Date().toISOString()) as { n: number };
  db.close();
  expect(moved.n).toBeGreaterThanOrEqual(20);

  await page.goto("/progress/catch-up?kind=advance&count=3");
  await expect(page.getByTestId("catch-up-effect")).toContainText("Bring forward 3 reviews of the");
  await page.getByRole("button", { name: "Advance 3 reviews" }).click();
  await expect(page.getByTestId("catch-up-message")).toHaveText("Brought forward 3 reviews.");
  await expect(page.getByTestId("due-today-count")).toHaveText(String(dueToday - 20 + 3));
  await page.screenshot({ path: "test-results/catch-up.png", fullPage: true });

  await page.goto("/progress/catch-up?kind=advance&count=abc");
  await expect(page.locator("#count-error")).toHaveText("The number of reviews must be a number.");
  await expect(page.getByTestId("catch-up-effect")).toHaveCount(0);
});

test("Evaluate: the defaults' log loss and RMSE(bins) on the learner's own history sit beside Fit my parameters", async ({
  page,
}) => {
  await learnerBackFromABreak(page, "Evaluate Learner");
  await page.goto("/settings");
  const evaluation = page.getByTestId("parameter-evaluation");
  const table = evaluation.getByRole("table", { name: /How well the parameters predict your \d+ reviews/ });
  const defaults = table.getByRole("row", { name: /^Default FSRS-6/ });
  await expect(defaults.getByRole("cell").nth(0)).toHaveText(/^0\.\d{4}$/);
  await expect(defaults.getByRole("cell").nth(1)).toHaveText(/^\d+\.\d\d%$/);
  await expect(
    table
      .getByRole("row", { name: /^Your personal/ })
      .getByRole("cell")
      .nth(0),
  ).toHaveText("—");
  await expect(evaluation).toContainText("Fit your parameters to compare them with the defaults.");
  await expect(page.getByRole("button", { name: "Fit my parameters" })).toBeVisible();
});

test("Presets fit and evaluate their own parameters; the rating buttons show the balanced day", async ({ page }) => {
  // Fitting runs the optimizer on ~2,000 reviews, then a study answer.
  test.setTimeout(120_000);
  // Half a year of study: the optimizer needs 400 reviews made a day or more after the previous one.
  await learnerBackFromABreak(page, "Preset Parameters Learner", 180);
  await page.goto("/settings");
  const preset = page.getByRole("group", { name: "Preset Default (default)" });
  const parameters = preset.getByTestId("preset-parameters-Default");
  await expect(parameters).toContainText("Uses the default FSRS-6 parameters.");
  await expect(parameters).toContainText(/Its decks hold \d{3,} reviews/);

  await preset.getByRole("button", { name: "Fit parameters for preset Default" }).click();
  await expect(parameters.getByText(/^Fitted from \d+ reviews of this preset's decks/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(parameters).toContainText("Parameters fitted to this preset's decks");

  await preset.getByRole("button", { name: "Evaluate preset Default" }).click();
  const table = parameters.getByRole("table", { name: "How well the parameters predict this preset's reviews" });
  await expect(
    table
      .getByRole("row", { name: /^Default FSRS-6/ })
      .getByRole("cell")
      .nth(0),
  ).toHaveText(/^0\.\d{4}$/);
  await expect(
    table
      .getByRole("row", { name: /^This preset's own/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText(/^\d+\.\d\d%$/);

  // A preset with no decks has nothing to fit on: it says what its decks use meanwhile.
  await page.getByLabel("New preset name").fill("Empty preset");
  await page.getByRole("button", { name: "Add preset" }).click();
  const empty = page.getByRole("group", { name: "Preset Empty preset" });
  await empty.getByRole("button", { name: "Fit parameters for preset Empty preset" }).click();
  await expect(empty.getByTestId("preset-parameters-Empty preset")).toContainText(
    "Until then this preset's decks use the default parameters.",
  );
  await page.screenshot({ path: "test-results/preset-parameters.png", fullPage: true });

  // Studying the NATO deck back from the break (the history writer adds no deck to "Study now"): an overdue review,
  // whose buttons carry day labels.
  const db = new Database(E2E_DB, { readonly: true });
  const nato = db.prepare(`SELECT id FROM "Document" WHERE slug = 'nato-mission-iraq'`).get() as { id: string };
  db.close();
  await page.goto(`/decks/${nato.id}/study`);
  await answerWithKeyboard(page);
  const buttons = page.getByRole("group", { name: "How well did you know it?" });
  await expect(buttons.getByRole("button", { name: /Good/ })).toBeVisible();
  await page.screenshot({ path: "test-results/rating-buttons.png", fullPage: true });
  await page.getByTestId("card-info-link").click();
  await expect(page.getByRole("heading", { name: "Card info" })).toBeVisible();
  await page.screenshot({ path: "test-results/card-info.png", fullPage: true });
});
