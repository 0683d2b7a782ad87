/** `npm run content:build`: all of content/ into the database at DATABASE_URL. */
import { loadContentDirectory } from "./load-content";

loadContentDirectory().catch((error) => {
  console.error(error);
  process.exit(1);
});
