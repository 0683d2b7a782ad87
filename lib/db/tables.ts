import type { ColumnType } from "kysely";

// The tables the query builder (lib/db/query.ts) reads, column by column, by kind. Kept by hand next to
// prisma/schema.prisma (prisma-kysely would have to be a generator inside that schema); tests/integration/tables.test.ts
// compares every table here with the migrated database, SQLite and PostgreSQL, and fails on any difference.
// Add a table when a query needs it.
export const TABLES = {
  Card: {
    id: "text",
    userId: "text",
    itemId: "text",
    state: "text",
    due: "date",
    stability: "float",
    difficulty: "float",
    scheduledDays: "int",
    learningSteps: "int",
    reps: "int",
    lapses: "int",
    lastReview: "date?",
    suspended: "bool",
    leech: "bool",
    buriedUntil: "date?",
    version: "int",
    createdAt: "date",
    updatedAt: "date",
  },
  ReviewLog: {
    id: "text",
    userId: "text",
    itemId: "text",
    cardId: "text",
    rating: "text",
    response: "text?",
    correct: "bool?",
    responseMs: "int?",
    stateBefore: "text",
    stateAfter: "text",
    previousState: "text",
    elapsedDays: "float",
    reviewedAt: "date",
    source: "text",
    presetId: "text?",
  },
  Item: {
    id: "text",
    documentId: "text",
    key: "text",
    factKey: "text",
    kind: "text",
    topic: "text",
    prompt: "text",
    answer: "text",
    difficulty: "float",
    sourceText: "text",
    sourceStart: "int",
    sourceEnd: "int",
    data: "text",
    checksum: "text",
    position: "int",
    retiredAt: "date?",
    editedAt: "date?",
    suspendedAt: "date?",
    createdAt: "date",
    updatedAt: "date",
  },
  Document: {
    id: "text",
    slug: "text",
    title: "text",
    source: "text?",
    textDate: "text?",
    body: "text",
    checksum: "text",
    ownerId: "text?",
    excludedKeys: "text",
    description: "text",
    status: "text",
    visibility: "text",
    publishedAt: "date?",
    createdAt: "date",
    updatedAt: "date",
  },
  DeckClass: { documentId: "text", classId: "text" },
  StudyDeck: { userId: "text", documentId: "text", addedAt: "date" },
  Class: {
    id: "text",
    name: "text",
    description: "text",
    ownerId: "text",
    joinCode: "text",
    joinCodeExpiresAt: "date",
    createdAt: "date",
  },
  ClassMember: { classId: "text", userId: "text", joinedAt: "date" },
  User: {
    id: "text",
    email: "text",
    name: "text",
    passwordHash: "text",
    role: "text",
    createdAt: "date",
    updatedAt: "date",
  },
  Session: { id: "text", userId: "text", createdAt: "date", expiresAt: "date", revokedAt: "date?" },
  ItemFlag: {
    id: "text",
    itemId: "text",
    userId: "text",
    reason: "text",
    note: "text",
    createdAt: "date",
    resolvedAt: "date?",
    resolvedById: "text?",
    resolution: "text?",
  },
  QuizAttempt: {
    id: "text",
    userId: "text",
    documentId: "text?",
    assignmentId: "text?",
    topic: "text?",
    itemIds: "text",
    updatesSchedule: "bool",
    startedAt: "date",
    finishedAt: "date?",
    score: "int?",
    total: "int",
  },
  QuizAnswer: {
    id: "text",
    attemptId: "text",
    itemId: "text",
    response: "text",
    correct: "bool",
    responseMs: "int?",
    answeredAt: "date",
  },
  Assignment: {
    id: "text",
    classId: "text",
    setId: "text",
    mode: "text",
    dueAt: "date",
    maxAttempts: "int",
    createdAt: "date",
    dueTimeZone: "text?",
  },
  UserSettings: {
    userId: "text",
    desiredRetention: "float",
    newPerDay: "int",
    maxReviewsPerDay: "int",
    learningSteps: "text",
    relearningSteps: "text",
    timeZone: "text",
    weights: "text?",
    weightsFittedAt: "date?",
    weightsReviews: "int?",
    defaultPresetId: "text?",
    updatedAt: "date",
  },
  Preset: {
    id: "text",
    userId: "text",
    name: "text",
    desiredRetention: "float",
    newPerDay: "int",
    maxReviewsPerDay: "int",
    learningSteps: "text",
    relearningSteps: "text",
    maximumIntervalDays: "int",
    easyDays: "text",
    loadBalance: "bool",
    weights: "text?",
    weightsFittedAt: "date?",
    weightsReviews: "int?",
    createdAt: "date",
    updatedAt: "date",
  },
  DeckPreset: { userId: "text", documentId: "text", presetId: "text" },
  ItemSetItem: { setId: "text", itemId: "text", position: "int" },
} as const;

export type ColumnKind = "text" | "int" | "float" | "bool" | "date";

// As read back: SQLite returns dates as Prisma's ISO text and booleans as 0/1, PostgreSQL returns Date and boolean
// (lib/db/dialect.ts toDate/toBool read both). Written: the dialect plugin turns Date and boolean parameters into
// what the database stores.
type Read<K extends ColumnKind> = K extends "text"
  ? string
  : K extends "int" | "float"
    ? number
    : K extends "bool"
      ? boolean | number
      : Date | string;
type Write<K extends ColumnKind> = K extends "text"
  ? string
  : K extends "int" | "float"
    ? number
    : K extends "bool"
      ? boolean
      : Date;

type Column<K> = K extends `${infer Base extends ColumnKind}?`
  ? ColumnType<Read<Base> | null, Write<Base> | null, Write<Base> | null>
  : K extends ColumnKind
    ? ColumnType<Read<K>, Write<K>, Write<K>>
    : never;

/** Kysely's database type, from TABLES. */
export type DB = { [T in keyof typeof TABLES]: { [C in keyof (typeof TABLES)[T]]: Column<(typeof TABLES)[T][C]> } };
