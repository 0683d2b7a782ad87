/** `npm run content:build`: all of content/ into the database at DATABASE_URL. */
import { ContentRefusedError, loadContentDirectory } from "./load-content";

loadContentDirectory().catch((error) => {
  // A refused document was reported with its reason already; anything else is a bug and keeps its stack.
  if (!(error instanceof ContentRefusedError)) console.error(error);
  else console.error(`content: ${error.refused.length} document(s) refused; fix them and run content:build again.`);
  process.exit(1);
});
