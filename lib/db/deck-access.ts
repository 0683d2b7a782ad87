import { sql } from "kysely";
import { Prisma } from "@/generated/prisma/client";

// Who may see a deck (docs/decisions/018-deck-visibility.md), written once for Prisma and once as SQL, so every read of documents and items states it in its own query (ownership in the query, STYLE.md):
// - its owner, whatever its status (draft, published, archived);
// - anyone, when it is published to the library;
// - members and owners of the classes it is shared with, when it is published to classes.
// A private deck, a draft and an archived deck are the owner's alone. Someone else's hidden deck is "not found".
// A deleted deck (status "deleted", no owner: kept only for its learners' review history, lib/db/deck-lifecycle.ts
// deleteDeck) matches none of these rules: nobody sees it.

/**
 * Decks every learner of the class may open: published to the library or shared with the class. A deck hidden after
 * it was assigned (unpublished, archived, made private, unshared, deleted) no longer is: its items leave the
 * assignment's progress, quizzes and the class dashboard, as the learners can neither study nor open them.
 * @example db.item.findMany({ where: { document: classDeckWhere(classId), sets: { some: { setId } } } })
 */
export function classDeckWhere(classId: string): Prisma.DocumentWhereInput {
  return {
    status: "published",
    OR: [{ visibility: "library" }, { visibility: "classes", classes: { some: { classId } } }],
  };
}

/**
 * The Prisma condition on Document for "the viewer may see this deck".
 * @example db.document.findFirst({ where: { id, ...visibleDeckWhere(user.id) } })
 */
export function visibleDeckWhere(userId: string): Prisma.DocumentWhereInput {
  return {
    OR: [
      { ownerId: userId },
      {
        status: "published",
        OR: [
          { visibility: "library" },
          {
            visibility: "classes",
            classes: { some: { class: { OR: [{ ownerId: userId }, { members: { some: { userId } } }] } } },
          },
        ],
      },
    ],
  };
}

/**
 * The viewer may study it: visible and not archived (an archived deck keeps its history but is not studied).
 * @example db.item.findMany({ where: { document: studiableDeckWhere(user.id) } })
 */
export function studiableDeckWhere(userId: string): Prisma.DocumentWhereInput {
  return { AND: [visibleDeckWhere(userId), { status: { not: "archived" } }] };
}

/**
 * The same rule as studiableDeckWhere as a SQL condition on the Document row `d`, for the query builder
 * (lib/db/query.ts): the one SQL statement of the rule, with quoted identifiers, valid on SQLite and PostgreSQL.
 * @example q.selectFrom("Document as d").select("d.id").where(studiableDeckCondition(userId))
 */
export function studiableDeckCondition(userId: string) {
  return sql<boolean>`(d."status" <> 'archived' AND (d."ownerId" = ${userId} OR (d."status" = 'published'
    AND (d."visibility" = 'library' OR (d."visibility" = 'classes' AND EXISTS (SELECT 1 FROM "DeckClass" dc
      JOIN "Class" k ON k."id" = dc."classId" WHERE dc."documentId" = d."id" AND (k."ownerId" = ${userId}
        OR EXISTS (SELECT 1 FROM "ClassMember" km WHERE km."classId" = dc."classId" AND km."userId" = ${userId}))))))))`;
}
