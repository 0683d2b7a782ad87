/**
 * The completion rule of a study assignment, as the UI states it (lib/db/assignments.ts implements it): every item
 * answered correctly at least once and scheduled at least a day ahead.
 */
export const STUDY_COMPLETE_RULE =
  "It is complete when every item has been answered correctly at least once and is scheduled at least a day ahead.";
