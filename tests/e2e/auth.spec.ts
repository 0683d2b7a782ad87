import { expect, signIn, signUp, test } from "./fixtures";

test("an anonymous visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
  await page.goto("/study");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstudy$/);
  await page.getByLabel("Email").fill("learner@example.com");
  await page.getByLabel("Password").fill("factdeck-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/study$/);
  await expect(page.getByRole("heading", { name: "Study" })).toBeVisible();
});

test("the demo learner signs in and out", async ({ page }) => {
  await signIn(page, "learner@example.com");
  await expect(page.getByTestId("current-user")).toHaveText("Demo Learner (learner)");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Study" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Progress" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Classes" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/progress");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprogress$/);
});

test("instructors see Classes; learners get not found there", async ({ page }) => {
  await signIn(page, "instructor@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Classes" }).click();
  await expect(page.getByRole("heading", { name: "Classes" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, "learner@example.com");
  const response = await page.goto("/classes");
  expect(response?.status()).toBe(404);
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("learner@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");

  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("a newcomer signs up, is signed in, and can sign in again later", async ({ page }) => {
  const email = `new-${Date.now()}@example.com`;
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter your email address.")).toBeVisible();

  await page.getByLabel("Name").fill("New Learner");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a good password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText("New Learner (learner)");
  await expect(page.getByRole("heading", { name: "Welcome, New Learner" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, "a good password");

  // Signing up again with the same address is refused without creating anything.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill("another password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(
    "We couldn't create an account with these details. Try signing in instead.",
  );
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok", database: "sqlite", migrations: "current" });
});

test("every response carries the security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
});

// Issue 12, finding 3: a tab after the slash ("/\t/host") is read by browsers as "//host", another site.
const PHISH = "/%09/localhost:3413/phish";

test("a crafted callbackUrl never takes a user to another site: after sign-in, sign-up, or when already signed in", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await page.goto(`/login?callbackUrl=${PHISH}`);
  await page.getByLabel("Email").fill("learner@example.com");
  await page.getByLabel("Password").fill("factdeck-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);

  // Already signed in: /login redirects at once, to this site.
  for (const target of [PHISH, "/%0a/x", "/%0d/x", "/%5C%5Cevil.example", "//evil.example"]) {
    const response = await page.goto(`/login?callbackUrl=${target}`);
    expect(response?.status()).toBeLessThan(500);
    expect(new URL(page.url()).origin).toBe(origin);
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto(`/signup?callbackUrl=${PHISH}`);
  await page.getByLabel("Name").fill("Redirect Check");
  await page.getByLabel("Email").fill(`redirect-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a good password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);
});

test("signing out ends the session: a saved copy of the cookie gets 401 from the API and the login page for pages", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, "learner@example.com");
  const saved = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(saved).toBeDefined();
  const replay = async () => {
    const other = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `${saved!.name}=${saved!.value}` },
    });
    const api = await other.get("/api/study/next");
    const settings = await other.get("/settings", { maxRedirects: 0 });
    await other.dispose();
    return { api: api.status(), settings: settings.status(), location: settings.headers()["location"] ?? "" };
  };
  expect(await replay()).toMatchObject({ api: 200, settings: 200 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const after = await replay();
  expect(after.api).toBe(401);
  expect(after.settings).toBeGreaterThanOrEqual(300);
  expect(after.settings).toBeLessThan(400);
  expect(after.location).toMatch(/\/login\?callbackUrl=%2Fsettings$/);
});

test("changing the password signs out other devices; 'Sign out everywhere' signs out this one too", async ({
  page,
  browser,
}) => {
  const email = await signUp(page, "Password Changer", "first-password");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, "first-password");

  await page.goto("/settings");
  const account = page.locator(".card", { has: page.getByRole("heading", { name: "Account" }) });
  await account.getByLabel("Current password").fill("wrong-password");
  await account.getByLabel("New password", { exact: true }).fill("second-password");
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-message")).toHaveText(
    "Your current password is not correct; the password was not changed.",
  );
  await account.getByLabel("Current password").fill("first-password");
  await account.getByLabel("New password", { exact: true }).fill("second-password");
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-message")).toHaveText(
    "Password changed. Every other device has been signed out.",
  );

  await otherPage.goto("/settings");
  await expect(otherPage).toHaveURL(/\/login\?callbackUrl=%2Fsettings$/);
  await other.close();

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings$/);
  await signIn(page, email, "second-password");
});
