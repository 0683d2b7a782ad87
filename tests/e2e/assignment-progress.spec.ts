import { expect, signIn, signUp, submitWithKeyboard, test } from "./fixtures";

/** Issue 15, "Assignments that mean something": the instructor sees the days a set needs; the learner's bar moves. */

function localDateTime(offsetDays: number) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test("the instructor sees a set's minimum days and a warning for a sooner due date; the learner's bar moves", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com");
  await page.goto("/classes");
  const className = `Paced class ${Date.now()}`;
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!.trim();

  // The demo set has 15 dates and commanders, several about one commander: it needs several days.
  await page
    .getByLabel("Set", { exact: true })
    .selectOption({ label: "NATO Mission Iraq: dates and commanders (15 items)" });
  await expect(page.getByTestId("minimum-days")).toContainText(/This set needs at least [2-9] study days/);
  await expect(page.getByText(/In your time zone, UTC/)).toBeVisible();
  await page.getByLabel("Due").fill(localDateTime(1));
  await expect(page.getByTestId("due-warning")).toContainText("Too soon for this set: it leaves 2 study days");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("assignment-message")).toContainText("This set needs at least");
  await page.getByLabel("Assign anyway").check();
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("assignment-message")).toHaveText("Assignment created.");
  await expect(
    page.getByText(/NATO Mission Iraq: dates and commanders · study · due \w{3}, \w{3} \d+, \d{4}, \d\d:\d\d UTC/),
  ).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // A learner joins and studies two cards: the bar moves, though no item is learned yet.
  await signUp(page, "Paced Learner");
  await page.goto(`/join/${code}`);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByTestId("join-message")).toHaveText(`You joined ${className}.`);
  await page.goto("/");
  const card = page.getByTestId("assignment").filter({ hasText: className });
  await expect(card.getByTestId("study-standing")).toHaveText("0% · 0 of 15 items learned");
  await card.getByRole("link", { name: "NATO Mission Iraq: dates and commanders" }).click();
  await expect(page.getByRole("heading", { name: "How completion is counted" })).toBeVisible();
  await expect(page.getByText(/Progress counts three steps for each item: seen/)).toBeVisible();
  await page.getByRole("link", { name: "Study now" }).click();
  for (let i = 0; i < 2; i += 1) {
    await submitWithKeyboard(page);
    const rating = page.getByRole("group", { name: "How well did you know it?" });
    await expect(rating).toBeVisible();
    await page.keyboard.press("3");
    await expect(rating).toBeHidden();
  }
  await page.goto("/");
  await expect(card.getByTestId("study-standing")).not.toHaveText("0% · 0 of 15 items learned");
  await expect(card.getByTestId("study-standing")).toHaveText(/^[1-9]\d?% · 0 of 15 items learned$/);
  await card.getByRole("link", { name: "NATO Mission Iraq: dates and commanders" }).click();
  await expect(page.getByTestId("assignment-progress")).toContainText("2 seen");
});
