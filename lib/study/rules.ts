/**
 * The completion rule of a study assignment, as the UI states it (lib/progress/assignment-progress.ts implements it):
 * every item learned, i.e. answered correctly and then scheduled at least a day ahead.
 */
export const STUDY_COMPLETE_RULE =
  "It is complete when every item has been answered correctly at least once and is scheduled at least a day ahead.";

/** How the progress bar of a study assignment counts, as learners and instructors read it. */
export const STUDY_PROGRESS_RULE =
  "Progress counts three steps for each item: seen (answered once), answered correctly, and learned (answered " +
  "correctly until it is scheduled at least a day ahead). Items you forget lose their “learned” step until you " +
  "relearn them.";
