import { expect, signIn, test } from "./fixtures";

test("a learner takes a practice quiz, gets a score and reviews the mistakes", async ({ page }) => {
  await signIn(page, "learner@example.com");
  await page.goto("/decks");
  await page.getByRole("link", { name: "NATO Mission Iraq", exact: true }).click();
  await page.getByRole("link", { name: "Practice quiz" }).click();

  await page.getByLabel("Number of questions").fill("0");
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Choose at least 1 question.")).toBeVisible();

  await page.getByLabel("Number of questions").fill("3");
  await page.getByLabel("Topic").selectOption({ label: "Dates" });
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Question 1 of 3")).toBeVisible();

  for (let i = 0; i < 3; i += 1) {
    await expect(page.getByText(`Question ${i + 1} of 3`)).toBeVisible();
    const button = page.getByRole("button", { name: i === 2 ? "Finish quiz" : "Next question" });
    await button.click();
    await expect(page.getByRole("status")).toHaveText("Answer the question first.");
    const choices = page.getByRole("radio");
    if (await choices.count()) await choices.first().check();
    else if (await page.getByLabel("Your answer").count()) await page.getByLabel("Your answer").fill("1066");
    await button.click();
  }
  await expect(page.getByRole("heading", { name: "Quiz result" })).toBeVisible();
  await expect(page.getByTestId("quiz-score")).toHaveText(/^\d of 3 correct \(\d+%\)$/);
  const score = Number((await page.getByTestId("quiz-score").textContent())!.charAt(0));
  const mistakes = 3 - score;
  await expect(
    page.getByRole("heading", { name: mistakes ? `Your mistakes (${mistakes})` : "No mistakes" }),
  ).toBeVisible();
  await expect(page.getByText("Correct answer:")).toHaveCount(mistakes);
});
