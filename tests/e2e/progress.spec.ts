import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { addToStudies, answerWithKeyboard, expect, signUp, test } from "./fixtures";

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.locator(".chart svg.recharts-surface").first()).toBeVisible();
    await page.screenshot({ path: `test-results/progress-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a new learner sees the empty state, studies a few cards and sees figures on /progress", async ({ page }) => {
  await signUp(page, "Progress Learner");
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Progress" })).toBeVisible();
  await expect(page.getByText("No reviews yet — start studying.")).toBeVisible();
  // A new learner studies nothing until they add a deck (issue 14).
  await addToStudies(page, "NATO Mission Iraq");
  await page.goto("/progress");
  await page.getByRole("link", { name: "Start studying" }).click();
  await expect(page).toHaveURL(/\/study$/);

  // Good, Again, Good, Good, Again: five answers today, two of them misses.
  for (const key of ["3", "1", "3", "3", "1"]) {
    await expect(page.locator("#prompt")).toBeVisible();
    await answerWithKeyboard(page, key);
  }

  await page.goto("/progress");
  await expect(page.getByText("No reviews yet")).toBeHidden();
  await expect(page.getByTestId("streak")).toHaveText("1 day");
  await expect(page.getByTestId("reviews-today")).toHaveText("5");
  await expect(page.getByTestId("mastery-definition")).toContainText("Mastered:");

  const forecast = page.getByRole("region", { name: "Due in the next 30 days" });
  await expect(forecast.locator("svg.recharts-surface")).toBeVisible();
  await expect(forecast.locator(".recharts-bar-rectangle").first()).toBeAttached();
  await forecast.getByText("Show as table").click();
  await expect(forecast.getByRole("table", { name: "Reviews due per day" }).locator("tbody tr")).toHaveCount(30);

  const states = page.getByRole("region", { name: "Your items by state" });
  await expect(states.locator("svg.recharts-surface")).toBeVisible();
  await states.getByText("Show as table").click();
  const learning = states.getByRole("row", { name: /^Learning/ });
  await expect(learning.getByRole("cell").first()).not.toHaveText("0");

  const activity = page.getByRole("region", { name: "Reviews in the past year" });
  await expect(activity.getByRole("img", { name: /Reviews per day over the past year, 5 in all/ })).toBeVisible();
  await activity.getByText("Show as table").click();
  await expect(activity.getByRole("table", { name: "Reviews per month" }).locator("tbody tr").first()).toContainText(
    "5",
  );

  const mastery = page.getByRole("region", { name: "Mastery" });
  await expect(mastery.locator("svg.recharts-surface").first()).toBeVisible();
  await mastery.getByText("Show as table").first().click();
  await expect(mastery.getByRole("table", { name: "Mastery by deck" }).locator("tbody tr")).not.toHaveCount(0);

  const hardest = page.getByRole("region", { name: "Hardest items" });
  await expect(hardest.getByRole("table", { name: "Your hardest items" }).locator("tbody tr")).not.toHaveCount(0);
  await expect(hardest.getByRole("link", { name: /^Study these/ }).first()).toHaveAttribute(
    "href",
    /^\/decks\/[^/]+\/study$/,
  );
  await expect(hardest.locator("tbody a").first()).toHaveAttribute("href", /^\/decks\/[^/]+\/items\/[^/]+$/);

  await screenshots(page, "learner");
});

/**
 * Writes six weeks of history for the learner straight into the e2e database: 30 review cards (intervals and
 * stabilities of 1–30 days, every fourth with 2 lapses) and one review a day for 40 days plus 3 today.
 */
function writeHistory(email: string) {
  const db = new Database("prisma/e2e.db");
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const now = Date.now();
  const userId = (db.prepare('SELECT id FROM "User" WHERE email = ?').get(email) as { id: string }).id;
  const items = db
    .prepare('SELECT id FROM "Item" WHERE retiredAt IS NULL ORDER BY documentId, position LIMIT 30')
    .all() as { id: string }[];
  const card = db.prepare(
    `INSERT INTO "Card" (id, userId, itemId, state, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses,
       lastReview, createdAt, updatedAt) VALUES (?, ?, ?, 'review', ?, ?, 5, ?, 0, 5, ?, ?, ?, ?)`,
  );
  const log = db.prepare(
    `INSERT INTO "ReviewLog" (id, userId, itemId, cardId, rating, responseMs, stateBefore, stateAfter, previousState,
       elapsedDays, reviewedAt) VALUES (?, ?, ?, ?, ?, 8000, '{}', '{}', 'review', ?, ?)`,
  );
  db.transaction(() => {
    items.forEach((item, k) => {
      const at = iso(now - 50 * 86_400_000);
      card.run(
        `${userId}-${k}`,
        userId,
        item.id,
        iso(now + (k % 10) * 86_400_000),
        k + 1,
        k + 1,
        k % 4 ? 0 : 2,
        at,
        at,
        at,
      );
    });
    const review = (k: number, ms: number, rating: string, elapsed: number) =>
      log.run(crypto.randomUUID(), userId, items[k]!.id, `${userId}-${k}`, rating, elapsed, iso(ms));
    for (let d = 1; d <= 40; d += 1) review(d % 30, now - d * 86_400_000, d % 5 ? "good" : "again", d % 25);
    for (let k = 0; k < 3; k += 1) review(k, now - 1000 * (k + 1), "good", 30);
  })();
  db.close();
}

test("a learner with six weeks of history sees streak, retention, mastery and hardest items", async ({ page }) => {
  const email = await signUp(page, "History Learner");
  writeHistory(email);
  await page.goto("/progress");
  await expect(page.getByTestId("streak")).toHaveText("41 days");
  await expect(page.getByTestId("reviews-today")).toHaveText("3");
  await expect(page.getByTestId("overall-retention")).toHaveText(/^\d+%$/);

  const states = page.getByRole("region", { name: "Your items by state" });
  await states.getByText("Show as table").click();
  await expect(
    states
      .getByRole("row", { name: /^Young/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("20");
  await expect(
    states
      .getByRole("row", { name: /^Mature/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("10");

  const retention = page.getByRole("region", { name: "True retention" });
  await expect(retention.locator("svg.recharts-surface")).toBeVisible();
  await retention.getByText("Show as table").click();
  await expect(retention.getByRole("table").locator("tbody tr")).toHaveCount(5);

  const mastery = page.getByRole("region", { name: "Mastery" });
  await mastery.getByText("Show as table").first().click();
  await expect(mastery.getByRole("table", { name: "Mastery by deck" }).locator("tbody tr").first()).toContainText("10");

  const hardest = page.getByRole("region", { name: "Hardest items" });
  await expect(hardest.getByRole("table").locator("tbody tr")).toHaveCount(10);

  await screenshots(page, "history");
});
