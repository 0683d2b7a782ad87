import type { Metadata } from "next";
import { mailConfigured, outboxLink } from "@/lib/auth/reset-delivery";
import { requireAbility } from "@/lib/auth/session";
import { listPendingPasswordResets } from "@/lib/db/password-resets";
import { viewerTimeZone } from "@/lib/db/settings";
import { listUsers } from "@/lib/db/users";
import { formatDate, formatDateTime } from "@/lib/progress/format";
import { RoleForm } from "./role-form";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireAbility("manage-users", "/admin/users");
  const now = new Date();
  const [users, resets] = await Promise.all([listUsers(), listPendingPasswordResets(now)]);
  const timeZone = await viewerTimeZone(admin.id);
  return (
    <section>
      <h1>Users</h1>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Users and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Since</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>{formatDate(u.createdAt, timeZone)}</td>
                <td>
                  <RoleForm userId={u.id} name={u.name} role={u.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="resets-heading">Password reset links</h2>
      <p className="muted">
        {mailConfigured()
          ? "Links are mailed (SMTP_URL). A link shows here only if mailing it failed."
          : "No mail server is configured (SMTP_URL), so reset links are not mailed: pass each one to its owner yourself, after checking it is them who asked. Each works once, within an hour; the server log has them too."}
      </p>
      {resets.length === 0 ? (
        <p className="muted" data-testid="no-resets">
          Nobody is waiting for a reset link.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="resets-heading">
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Asked</th>
                <th scope="col">Expires</th>
                <th scope="col">Link</th>
              </tr>
            </thead>
            <tbody>
              {resets.map((r) => {
                const link = outboxLink(r.id, now);
                return (
                  <tr key={r.id} data-testid="reset-row">
                    <th scope="row">
                      {r.user.name}
                      <br />
                      <span className="muted">{r.user.email}</span>
                    </th>
                    <td>{formatDateTime(r.createdAt, timeZone)}</td>
                    <td>{formatDateTime(r.expiresAt, timeZone)}</td>
                    <td>
                      {link ? (
                        <a href={link} className="mono" aria-label={`Reset link for ${r.user.email}`}>
                          {link}
                        </a>
                      ) : (
                        <span className="muted">
                          {mailConfigured()
                            ? "Mailed."
                            : "Not kept since the server restarted: see the log, or ask them to request a new one."}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
