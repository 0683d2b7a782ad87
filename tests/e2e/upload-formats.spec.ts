import { APOLLO_HTML, buildDocx, buildPdf, buildScannedPdf, buildZipBomb } from "@/tests/fixtures/documents/build";
import { expect, signIn, test } from "./fixtures";

const upload = (name: string, mimeType: string, bytes: Uint8Array) => ({ name, mimeType, buffer: Buffer.from(bytes) });

test("an instructor uploads a PDF, a Word document and a web page, sees what was read, and publishes", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com");
  await page.goto("/decks/new");
  const text = page.getByLabel("Document text");

  // PDF: three pages; the text read is shown for checking, with its headings and list.
  await page.getByLabel("Upload a file").setInputFiles(upload("apollo.pdf", "application/pdf", await buildPdf()));
  await expect(page.getByTestId("read-from")).toContainText("Read apollo.pdf (PDF, 3 pages)");
  await expect(text).toHaveValue(/# Apollo 11/);
  await expect(text).toHaveValue(/- Buzz Aldrin, the lunar module pilot/);
  await page.getByRole("button", { name: "Generate items" }).click();
  await expect(page.getByRole("heading", { name: /Preview: \d+ of \d+ items kept/ })).toBeVisible();

  // Word: headings and lists survive; a new file replaces the preview.
  const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  await page.getByLabel("Upload a file").setInputFiles(upload("apollo.docx", docx, buildDocx()));
  await expect(page.getByTestId("read-from")).toContainText("Read apollo.docx (Word document)");
  await expect(page.getByRole("heading", { name: /Preview:/ })).toBeHidden();
  await expect(text).toHaveValue(/## The crew/);
  await expect(text).toHaveValue(/Michael Collins, command module pilot/);

  // A saved web page: the article, without the menu, the shop sidebar or the footer.
  await page
    .getByLabel("Upload a file")
    .setInputFiles(upload("apollo.html", "text/html", new TextEncoder().encode(APOLLO_HTML)));
  await expect(page.getByTestId("read-from")).toContainText("Read apollo.html (web page)");
  await expect(text).toHaveValue(/Sea of Tranquility/);
  await expect(text).not.toHaveValue(/Buy a poster/);
  await page.getByRole("button", { name: "Generate items" }).click();
  await expect(page.getByRole("heading", { name: /Preview: \d+ of \d+ items kept/ })).toBeVisible();
  await page.getByLabel("Deck title").fill("Apollo 11 from a web page");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("heading", { name: "Apollo 11 from a web page" })).toBeVisible();
});

test("files that cannot be read get a message saying why, and nothing is stored", async ({ page }) => {
  await signIn(page, "instructor@example.com");
  await page.goto("/decks/new");
  const error = page.getByTestId("form-error");
  const file = page.getByLabel("Upload a file");

  await file.setInputFiles(upload("scan.pdf", "application/pdf", await buildScannedPdf()));
  await expect(error).toContainText("has no text to read");
  await file.setInputFiles(upload("broken.pdf", "application/pdf", new TextEncoder().encode("%PDF-1.7\nnot a pdf")));
  await expect(error).toContainText("could not be read");
  await file.setInputFiles(upload("bomb.docx", "application/octet-stream", buildZipBomb(60 * 1024 * 1024)));
  await expect(error).toContainText("“bomb.docx”");
  await file.setInputFiles(upload("photo.png", "image/png", Uint8Array.from([0x89, 0x50])));
  await expect(error).toHaveText(
    "“photo.png” is a .png file, not a document Factdeck reads. Upload PDF, Word (.docx), HTML, Markdown or text.",
  );
  await file.setInputFiles(upload("big.md", "text/markdown", new Uint8Array(600 * 1024).fill(97)));
  await expect(error).toContainText("more than one deck can take");
  await file.setInputFiles(upload("huge.pdf", "application/pdf", new Uint8Array(11 * 1024 * 1024)));
  await expect(error).toHaveText("The file is larger than 10 MB. Split it, or save it without pictures.");
  await expect(page.getByLabel("Document text")).toHaveValue("");

  // The route refuses a body over the limit by its declared length, before reading it.
  const response = await page.request.post("/api/documents/read", {
    multipart: { file: upload("huge.pdf", "application/pdf", new Uint8Array(11 * 1024 * 1024)) },
  });
  expect(response.status()).toBe(413);
});
