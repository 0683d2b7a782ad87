import { expect, signIn, signUp, test } from "./fixtures";

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
    // The questions are random: any kind but flashcards can come up. An ordering always has an answer (its order).
    const choices = page.getByRole("radio");
    const selects = page.locator(".study-card select");
    const ordering = (await page.locator(".ordering").count()) > 0;
    if (!ordering) {
      await button.click();
      await expect(page.getByRole("status")).toHaveText("Answer the question first.");
    }
    if (await choices.count()) await choices.first().check();
    else if (await selects.count()) {
      for (let k = 0; k < (await selects.count()); k += 1) await selects.nth(k).selectOption({ index: 1 });
    } else if (!ordering) await page.getByLabel("Your answer").fill("1066");
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

test("a quiz asked for more questions than the deck has says how many it has", async ({ page }) => {
  await signUp(page, "Greedy Quizzer");
  await page.goto("/decks");
  await page.getByRole("link", { name: "NATO Mission Iraq", exact: true }).click();
  await page.getByRole("link", { name: "Practice quiz" }).click();
  await page.getByLabel("Number of questions").fill("50");
  await page.getByLabel("Topic").selectOption({ label: "Dates" });
  await page.getByRole("button", { name: "Start quiz" }).click();
  const total = Number(/Question 1 of (\d+)/.exec((await page.getByText(/Question 1 of/).textContent()) ?? "")?.[1]);
  expect(total).toBeLessThan(50);
  await expect(page.getByTestId("quiz-fewer")).toHaveText(
    `You asked for 50 questions; this quiz has ${total}: that is every fact of the deck (or topic) a quiz can ask, one question per fact.`,
  );
});
