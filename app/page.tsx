import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { listDocuments } from "@/lib/db/documents";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <section>
        <h1>Learn the facts of a document, and keep them</h1>
        <p>
          Factdeck turns a source document into quiz questions — dates, people, places, figures — and schedules them
          with spaced repetition, so you review each fact just before you would forget it.
        </p>
        <p>
          <Link className="button" href="/login">
            Sign in
          </Link>{" "}
          <Link className="button button--quiet" href="/signup">
            Create an account
          </Link>
        </p>
      </section>
    );
  }
  const documents = await listDocuments();
  return (
    <section>
      <h1>Welcome, {user.name}</h1>
      <h2>Documents</h2>
      {documents.length === 0 ? (
        <p className="muted">No documents yet.</p>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
          {documents.map((doc) => (
            <li key={doc.id} className="card">
              <strong>{doc.title}</strong>
              {doc.textDate ? <p className="muted">Text of {doc.textDate}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
