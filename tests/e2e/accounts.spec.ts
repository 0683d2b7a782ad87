import { expect, signIn, signUp, test } from "./fixtures";

/** Issue 15, Accounts: forgot password (no mail server: the admin passes the link on) and delete my account. */

async function signOut(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function tryPassword(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a learner who forgot the password gets a link from the admin, sets a new one, and the old one stops working", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = await signUp(page, "Forgetful Learner", "old-password-1");
  await signOut(page);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an "Email" field too: wait for the reset page before filling.
  await expect(page).toHaveURL(/\/forgot-password/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  const answer = page.getByTestId("forgot-message");
  await expect(answer).toContainText("If an account uses that address, a link to reset its password is on its way.");
  const known = await answer.textContent();
  // An address without an account gets the very same answer.
  await page.reload();
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(answer).toHaveText(known!);

  // No mail server: the admin sees the pending link on the users page.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@example.com");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("reset-row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  const link = await row.getByRole("link", { name: `Reset link for ${email}` }).getAttribute("href");
  expect(link).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
  await adminContext.close();

  await page.goto(link!);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.locator("#newPassword-error")).toContainText("at least 8");
  await page.getByLabel("New password").fill("new-password-2");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByTestId("reset-message")).toContainText("Your password is changed");

  // The link works once.
  await page.goto(link!);
  await expect(page.getByTestId("reset-message")).toContainText("not valid any more");

  await tryPassword(page, email, "old-password-1");
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  await signIn(page, email, "new-password-2");
});

test("a learner deletes their account with their password and is signed out; an instructor with classes is refused", async ({
  page,
}) => {
  const email = await signUp(page, "Leaving Learner", "leaving-password");
  await page.goto("/settings");
  const section = page.getByRole("form", { name: "Delete my account" });
  await expect(section).toContainText("cards and review history, quiz attempts and scores, class memberships");
  await section.getByLabel("Your password").fill("not-my-password");
  await section.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page.getByTestId("delete-account-message")).toHaveText(
    "Your password is not correct; nothing was deleted.",
  );
  await section.getByLabel("Your password").fill("leaving-password");
  await section.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page).toHaveURL(/\/login\?deleted=1/);
  await expect(page.getByTestId("account-deleted")).toHaveText(
    "Your account and its data were deleted, and you were signed out.",
  );
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
  await tryPassword(page, email, "leaving-password");
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");

  // The demo instructor runs the demo class: refused, and told why.
  await signIn(page, "instructor@example.com");
  await page.goto("/settings");
  await page.getByRole("form", { name: "Delete my account" }).getByLabel("Your password").fill("factdeck-demo");
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page.getByTestId("delete-account-message")).toContainText("Your account was not deleted: you run");
  await expect(page.getByTestId("current-user")).toBeVisible();
});
