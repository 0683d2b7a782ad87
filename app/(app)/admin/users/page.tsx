import type { Metadata } from "next";
import { requireAbility } from "@/lib/auth/session";
import { listUsers } from "@/lib/db/users";
import { RoleForm } from "./role-form";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requireAbility("manage-users", "/admin/users");
  const users = await listUsers();
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
                <td>{u.createdAt.toISOString().slice(0, 10)}</td>
                <td>
                  <RoleForm userId={u.id} name={u.name} role={u.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
